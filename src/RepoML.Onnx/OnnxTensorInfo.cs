namespace RepoML.Onnx;

/// <summary>An input or output of a model: its element type (null for non-tensor values such as sequences and maps) and shape (-1 is
/// dynamic).</summary>
public sealed record OnnxTensorInfo(string Name, TensorDataType? DataType, IReadOnlyList<long> Shape);
