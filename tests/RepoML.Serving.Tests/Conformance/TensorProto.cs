namespace RepoML.Serving.Tests.Conformance;

/// <summary>An ONNX TensorProto read from a .pb file: name, element type, dims and row-major data (FP16 widened to float).</summary>
internal sealed record TensorProto(string Name, TensorDataType DataType, long[] Dims, Array Data);
