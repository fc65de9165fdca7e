using RepoML.Onnx;
using RepoML.Serving.Grpc.Protocol;

namespace RepoML.Serving.Grpc;

/// <summary>A gRPC inference answer, with the tensors it was made from (for data collection's JSON records).</summary>
public sealed record GrpcInferAnswer(ModelInferResponse Response, IReadOnlyList<OnnxTensor> Inputs, IReadOnlyList<OnnxTensor> Outputs);
