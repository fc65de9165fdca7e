using RepoML.Onnx.Graphs;

namespace RepoML.Onnx.Tests;

/// <summary>Pieces of ONNX models written on the wire, for the test models built field by field.</summary>
internal static class OnnxWire
{
    /// <summary>A model (IR 8, default opset 13, ai.onnx.ml 2) around a graph's fields.</summary>
    public static byte[] Model(IEnumerable<ProtoField> graph) =>
        ProtoWire.Write(
        [
            ProtoField.OfNumber(1, 8),
            ProtoField.OfBytes(8, ProtoWire.Write([ProtoField.OfText(1, ""), ProtoField.OfNumber(2, 13)])),
            ProtoField.OfBytes(8, ProtoWire.Write([ProtoField.OfText(1, "ai.onnx.ml"), ProtoField.OfNumber(2, 2)])),
            ProtoField.OfBytes(7, ProtoWire.Write(graph)),
        ]);

    public static byte[] Int(string name, long value) =>
        ProtoWire.Write([ProtoField.OfText(1, name), ProtoField.OfNumber(3, value), ProtoField.OfNumber(20, 2)]);

    public static byte[] Ints(string name, IEnumerable<long> values) =>
        ProtoWire.Write([ProtoField.OfText(1, name), .. values.Select(v => ProtoField.OfNumber(8, v)), ProtoField.OfNumber(20, 7)]);

    public static byte[] Strings(string name, IEnumerable<string> values) =>
        OnnxNode.StringsAttribute(name, values.Select(v => (ReadOnlyMemory<byte>)System.Text.Encoding.UTF8.GetBytes(v)));

    /// <summary>A ValueInfoProto: a tensor of an element type with a shape (null: the dynamic batch dimension).</summary>
    public static byte[] Value(string name, int elementType, long?[] shape)
    {
        var dims = shape.Select(d => ProtoField.OfBytes(1, ProtoWire.Write([d is { } v ? ProtoField.OfNumber(1, v) : ProtoField.OfText(2, "N")])));
        var tensor = ProtoWire.Write([ProtoField.OfNumber(1, elementType), ProtoField.OfBytes(2, ProtoWire.Write(dims))]);
        return ProtoWire.Write([ProtoField.OfText(1, name), ProtoField.OfBytes(2, ProtoWire.Write([ProtoField.OfBytes(1, tensor)]))]);
    }

    /// <summary>Node count of a model's graph.</summary>
    public static int Nodes(byte[] model) =>
        ProtoWire.Read(ProtoWire.Read(model).Single(f => f.Number == 7).Bytes).Count(f => f.Number == 1);
}
