using RepoML.Onnx.Graphs;
using static RepoML.Onnx.Tests.OnnxWire;

namespace RepoML.Onnx.Tests;

/// <summary>
/// A classifier as skl2onnx exports one: <c>LinearClassifier</c> (softmax) over a [N,4] float input, its label as
/// <c>label</c> and its probabilities zipped by a <c>ZipMap</c> into <c>output_probability</c>, a sequence of maps.
/// </summary>
internal static class SklearnClassifierModel
{
    /// <summary>The model; <paramref name="labels"/> are its classes (int64 labels when null: 0, 1, 2).</summary>
    public static byte[] Write(string[]? labels = null)
    {
        float[] coefficients = [-0.42f, 0.97f, -2.52f, -1.08f, 0.53f, -0.32f, -0.20f, -0.94f, -0.11f, -0.65f, 2.72f, 2.02f];
        byte[] classes = labels is null ? Ints("classlabels_ints", [0, 1, 2]) : Strings("classlabels_strings", labels);
        byte[] zipClasses = labels is null ? Ints("classlabels_int64s", [0, 1, 2]) : Strings("classlabels_strings", labels);
        var classifier = OnnxNode.Write("classifier", "LinearClassifier", "ai.onnx.ml", ["float_input"], ["label", "probability_tensor"],
            [Floats("coefficients", coefficients), Floats("intercepts", [9.85f, 2.23f, -12.08f]), Text("post_transform", "SOFTMAX"),
                Int("multi_class", 1), classes]);
        var zipMap = OnnxNode.Write("zipmap", "ZipMap", "ai.onnx.ml", ["probability_tensor"], ["output_probability"], [zipClasses]);
        return Model(
        [
            ProtoField.OfBytes(1, classifier),
            ProtoField.OfBytes(1, zipMap),
            ProtoField.OfText(2, "sklearn"),
            ProtoField.OfBytes(11, Value("float_input", 1, [null, 4])),
            ProtoField.OfBytes(12, Value("label", labels is null ? 7 : 8, [null])),
            ProtoField.OfBytes(12, SequenceOfMaps("output_probability", labels is null ? 7 : 8)),
        ]);
    }

    private static byte[] Floats(string name, float[] values) =>
        ProtoWire.Write([ProtoField.OfText(1, name), .. values.Select(v => new ProtoField(7, ProtoField.Fixed32, 0, BitConverter.GetBytes(v))),
            ProtoField.OfNumber(20, 6)]);

    private static byte[] Text(string name, string value) =>
        ProtoWire.Write([ProtoField.OfText(1, name), ProtoField.OfText(4, value), ProtoField.OfNumber(20, 3)]);

    /// <summary>A ValueInfoProto of type sequence(map(key, float)).</summary>
    private static byte[] SequenceOfMaps(string name, int keyType)
    {
        var floatTensor = ProtoWire.Write([ProtoField.OfBytes(1, ProtoWire.Write([ProtoField.OfNumber(1, 1)]))]);
        var map = ProtoWire.Write([ProtoField.OfNumber(1, keyType), ProtoField.OfBytes(2, floatTensor)]);
        var sequence = ProtoWire.Write([ProtoField.OfBytes(1, ProtoWire.Write([ProtoField.OfBytes(5, map)]))]);
        return ProtoWire.Write([ProtoField.OfText(1, name), ProtoField.OfBytes(2, ProtoWire.Write([ProtoField.OfBytes(4, sequence)]))]);
    }
}
