using RepoML.Onnx.Graphs;
using static RepoML.Onnx.Tests.OnnxWire;

namespace RepoML.Onnx.Tests;

/// <summary>
/// Builds, on the wire, the front of an ML.NET export as <see cref="CategoricalEncoderFolding"/> leaves it: a number
/// <c>x</c> (float, [N,1]) and a text <c>color</c> (string, [N,1]) one-hot encoded by a string <c>OneHotEncoder</c>, both
/// joined by a <c>FeatureVectorizer</c>, whose vector an <c>Identity</c> hands out as <c>features</c> (float, [N,1+K]) —
/// so a score is the vector itself, value for value. Each piece can be varied to make a graph that must not be rewritten.
/// </summary>
internal sealed record VectorizerModel(
    string[] Categories,
    long Zeros = 1,
    long? ColorDimension = null,
    long? XRows = null,
    long XWidth = 1,
    bool XAlsoOutput = false,
    bool VectorIsOutput = false,
    bool UnreadLabel = false)
{
    public static VectorizerModel Colors() => new(["red", "green", "blue", "\uFFFD"]);

    public byte[] Build()
    {
        byte[][] nodes =
        [
            OnnxNode.Write("onehot", "OneHotEncoder", "ai.onnx.ml", ["color"], ["color_onehot"], [Strings("cats_strings", Categories), Int("zeros", Zeros)]),
            OnnxNode.Write("vectorizer", "FeatureVectorizer", "ai.onnx.ml", ["x", "color_onehot"], ["vector"],
                [Ints("inputdimensions", [XWidth, ColorDimension ?? Categories.Length])]),
            OnnxNode.Write("out", "Identity", "", ["vector"], ["features"], []),
        ];
        List<ProtoField> graph =
        [
            .. nodes.Select(n => ProtoField.OfBytes(1, n)),
            ProtoField.OfText(2, "vectorizer"),
            ProtoField.OfBytes(11, Value("x", 1, [XRows, XWidth])),
            ProtoField.OfBytes(11, Value("color", 8, [null, 1])),
            ProtoField.OfBytes(12, Value("features", 1, [null, XWidth + (ColorDimension ?? Categories.Length)])),
        ];
        if (UnreadLabel)
        {
            graph.Add(ProtoField.OfBytes(11, Value("label", 8, [null, 1])));
        }

        if (XAlsoOutput)
        {
            graph.Add(ProtoField.OfBytes(1, OnnxNode.Write("echo", "Identity", "", ["x"], ["x_out"], [])));
            graph.Add(ProtoField.OfBytes(12, Value("x_out", 1, [XRows, XWidth])));
        }

        if (VectorIsOutput)
        {
            graph.Add(ProtoField.OfBytes(12, Value("vector", 1, [null, XWidth + (ColorDimension ?? Categories.Length)])));
        }

        return OnnxWire.Model(graph);
    }
}
