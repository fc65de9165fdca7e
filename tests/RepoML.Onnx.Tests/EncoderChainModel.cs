using RepoML.Onnx.Graphs;
using static RepoML.Onnx.Tests.OnnxWire;

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

        return OnnxWire.Model(graph);
    }

    /// <summary>Node count of a model's graph.</summary>
    public static int Nodes(byte[] model) => OnnxWire.Nodes(model);
}
