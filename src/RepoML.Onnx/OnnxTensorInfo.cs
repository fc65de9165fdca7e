namespace RepoML.Onnx;

/// <summary>An input or output of a model: its element type (null for non-tensor values such as sequences and maps) and shape (-1 is
/// dynamic).</summary>
public sealed record OnnxTensorInfo(string Name, TensorDataType? DataType, IReadOnlyList<long> Shape)
{
    /// <summary>What the value is, to name it where it cannot be carried: "tensor", "sequence", "map",
    /// "optional value", "sparse tensor", or "BFloat16 tensor" and the like for a tensor whose element type <see cref="TensorDataType"/> lacks.</summary>
    public string Kind { get; init; } = "tensor";

    /// <summary><see cref="Kind"/> after its article: "a sequence", "an optional value".</summary>
    public string KindWithArticle => WithArticle(Kind);

    /// <summary>A noun after "a" or, before a vowel, "an".</summary>
    public static string WithArticle(string noun) => $"{(noun.Length > 0 && "aeiouAEIOU".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a")} {noun}";
}
