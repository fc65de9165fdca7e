using RepoML.Onnx.Graphs;
using static RepoML.Onnx.Tests.OnnxWire;

namespace RepoML.Onnx.Tests;

/// <summary>
/// A model with a text model's interface: <c>input_ids</c> and <c>attention_mask</c>, int64 [batch, sequence] (the sequence
/// length set by each request), answering <c>total</c> [batch], the sum of the ids the mask keeps.
/// </summary>
internal static class TokenSequenceModel
{
    public static byte[] Write()
    {
        var axes = ProtoWire.Write([ProtoField.OfNumber(1, 1), ProtoField.OfNumber(2, 7), ProtoField.OfNumber(7, 1), ProtoField.OfText(8, "axes")]);
        return Model(
        [
            ProtoField.OfBytes(1, OnnxNode.Write("mask", "Mul", "", ["input_ids", "attention_mask"], ["kept"], [])),
            ProtoField.OfBytes(1, OnnxNode.Write("sum", "ReduceSum", "", ["kept", "axes"], ["total"], [Int("keepdims", 0)])),
            ProtoField.OfText(2, "tokens"),
            ProtoField.OfBytes(5, axes),
            ProtoField.OfBytes(11, Tokens("input_ids")),
            ProtoField.OfBytes(11, Tokens("attention_mask")),
            ProtoField.OfBytes(12, Value("total", 7, [null])),
        ]);
    }

    /// <summary>An int64 [batch, sequence] ValueInfoProto, both dimensions named.</summary>
    private static byte[] Tokens(string name)
    {
        var dims = new[] { "batch", "sequence" }.Select(d => ProtoField.OfBytes(1, ProtoWire.Write([ProtoField.OfText(2, d)])));
        var tensor = ProtoWire.Write([ProtoField.OfNumber(1, 7), ProtoField.OfBytes(2, ProtoWire.Write(dims))]);
        return ProtoWire.Write([ProtoField.OfText(1, name), ProtoField.OfBytes(2, ProtoWire.Write([ProtoField.OfBytes(1, tensor)]))]);
    }
}
