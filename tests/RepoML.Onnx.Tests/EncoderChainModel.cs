using RepoML.Onnx.Graphs;

namespace RepoML.Onnx.Tests;

/// <summary>
/// Builds, on the wire, the ONNX model ML.NET exports for one one-hot encoded text column: <c>color</c> (string, [N,1])
/// → LabelEncoder → Cast uint32 → Cast int64 → OneHotEncoder → <c>encoded</c> (float, [N,1,K]); each piece can be
/// varied to make a chain that must not be folded.
/// </summary>
internal sealed record EncoderChainModel(
    string[] Keys,
    long[] Values,
    long DefaultKey,
    long[] Categories,
    bool CastOutputIsGraphOutput = false)
{
    public static EncoderChainModel Colors() => new(["red", "green", "blue"], [1, 2, 3], 0, [1, 2, 3]);

    public byte[] Build()
    {
        byte[][] nodes =
        [
            OnnxNode.Write("labels", "LabelEncoder", "ai.onnx.ml", ["color"], ["keys"], [Strings("keys_strings", Keys), Ints("values_int64s",
                Values), Int("default_int64", DefaultKey)]),
            OnnxNode.Write("narrow", "Cast", "", ["keys"], ["keys32"], [Int("to", 12)]),
            OnnxNode.Write("widen", "Cast", "", ["keys32"], ["keys64"], [Int("to", 7)]),
            OnnxNode.Write("onehot", "OneHotEncoder", "ai.onnx.ml", ["keys64"], ["encoded"], [Ints("cats_int64s", Categories), Int("zeros", 1)]),
        ];
        List<ProtoField> graph =
        [
            .. nodes.Select(n => ProtoField.OfBytes(1, n)),
            ProtoField.OfText(2, "encoder_chain"),
            ProtoField.OfBytes(11, Value("color", 8, [null, 1])),
            ProtoField.OfBytes(12, Value("encoded", 1, [null, 1, Categories.Length])),
        ];
        if (CastOutputIsGraphOutput)
        {
            graph.Add(ProtoField.OfBytes(12, Value("keys32", 12, [null, 1])));
        }

        return ProtoWire.Write(
        [
            ProtoField.OfNumber(1, 8),
            ProtoField.OfBytes(8, ProtoWire.Write([ProtoField.OfText(1, ""), ProtoField.OfNumber(2, 13)])),
            ProtoField.OfBytes(8, ProtoWire.Write([ProtoField.OfText(1, "ai.onnx.ml"), ProtoField.OfNumber(2, 2)])),
            ProtoField.OfBytes(7, ProtoWire.Write(graph)),
        ]);
    }

    /// <summary>Node count of a model's graph.</summary>
    public static int Nodes(byte[] model) =>
        ProtoWire.Read(ProtoWire.Read(model).Single(f => f.Number == 7).Bytes).Count(f => f.Number == 1);

    private static byte[] Int(string name, long value) =>
        ProtoWire.Write([ProtoField.OfText(1, name), ProtoField.OfNumber(3, value), ProtoField.OfNumber(20, 2)]);

    private static byte[] Ints(string name, IEnumerable<long> values) =>
        ProtoWire.Write([ProtoField.OfText(1, name), .. values.Select(v => ProtoField.OfNumber(8, v)), ProtoField.OfNumber(20, 7)]);

    private static byte[] Strings(string name, IEnumerable<string> values) =>
        OnnxNode.StringsAttribute(name, values.Select(v => (ReadOnlyMemory<byte>)System.Text.Encoding.UTF8.GetBytes(v)));

    /// <summary>A ValueInfoProto: a tensor of an element type with a shape (null: the dynamic batch dimension).</summary>
    private static byte[] Value(string name, int elementType, long?[] shape)
    {
        var dims = shape.Select(d => ProtoField.OfBytes(1, ProtoWire.Write([d is { } v ? ProtoField.OfNumber(1, v) : ProtoField.OfText(2, "N")])));
        var tensor = ProtoWire.Write([ProtoField.OfNumber(1, elementType), ProtoField.OfBytes(2, ProtoWire.Write(dims))]);
        return ProtoWire.Write([ProtoField.OfText(1, name), ProtoField.OfBytes(2, ProtoWire.Write([ProtoField.OfBytes(1, tensor)]))]);
    }
}
