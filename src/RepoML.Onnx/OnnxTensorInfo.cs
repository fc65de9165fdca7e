namespace RepoML.Onnx;

/// <summary>An input or output of a model: its element type (null for non-tensor values such as sequences and maps) and shape (-1 is
/// dynamic).</summary>
public sealed record OnnxTensorInfo(string Name, TensorDataType? DataType, IReadOnlyList<long> Shape)
{
    /// <summary>What the value is, to name it where it cannot be carried: "tensor", "sequence", "map",
    /// "optional value", "sparse tensor", or "BFloat16 tensor" and the like for a tensor whose element type <see cref="TensorDataType"/> lacks.</summary>
    public string Kind { get; init; } = "tensor";
}
