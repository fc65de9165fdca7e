using RepoML.Serving.Apis;
using RepoML.Serving.Grpc.Protocol;
using RepoML.Serving.Hosting;
using RepoML.Serving.Scoring;

namespace RepoML.Serving.Grpc;

/// <summary>
/// A gRPC <c>ModelInfer</c> request on the common scoring path: read for, and run on, whichever deployment scores it.
/// Data collection records it as the v2 JSON request and response would read, so collected data does not depend on
/// the protocol.
/// </summary>
internal readonly struct GrpcInferCall(ModelInferRequest request) : IScoringCall<GrpcInferAnswer>
{
    public ValueTask<GrpcInferAnswer> ScoreAsync(LoadedDeployment deployment, CancellationToken cancellation)
    {
        if (deployment.Scorer is not null)
        {
            throw InferenceApi.CustomScorerRefused(deployment);
        }

        var (inputs, outputs) = GrpcTensorReader.Read(request, deployment.Session);
        cancellation.ThrowIfCancellationRequested();
        var results = InferenceInputs.Run(deployment.Session, inputs, outputs);
        var response = GrpcTensorWriter.Write(request.ModelName, deployment.ModelVersion, request.Id, results, raw: request.RawInputContents.Count > 0);
        return ValueTask.FromResult(new GrpcInferAnswer(response, inputs, results));
    }

    public byte[] CollectedInputs(GrpcInferAnswer answer) => InferenceRequestJson.Write(request.Id, answer.Inputs);

    public byte[] CollectedOutputs(GrpcInferAnswer answer) =>
        InferenceResponse.Write(request.ModelName, answer.Response.ModelVersion, request.Id.Length > 0 ? request.Id : null, answer.Outputs);
}
