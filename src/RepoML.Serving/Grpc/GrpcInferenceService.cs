using System.Diagnostics;
using Grpc.Core;
using RepoML.Serving.Apis;
using RepoML.Serving.Grpc.Protocol;
using RepoML.Serving.Hosting;

namespace RepoML.Serving.Grpc;

/// <summary>
/// The Open Inference Protocol over gRPC (<c>inference.GRPCInferenceService</c>), the same protocol as
/// <see cref="InferenceApi"/> on REST and over the same pipeline (<see cref="ScoringExecutor"/>): model names and
/// versions as <see cref="InferenceModels"/> says, the <c>azureml-model-deployment</c> metadata entry pins a
/// deployment, and the response metadata names the deployment that answered and the request's <c>x-request-id</c>.
/// Key auth is <see cref="GrpcKeyInterceptor"/>'s.
/// </summary>
public sealed class GrpcInferenceService(EndpointHost host, ScoringExecutor executor) : GRPCInferenceService.GRPCInferenceServiceBase
{
    /// <summary>The <c>protocol</c> label of gRPC inference requests in the metrics.</summary>
    public const string MetricsProtocol = "grpc";

    public override Task<ServerLiveResponse> ServerLive(ServerLiveRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerLiveResponse { Live = true });

    public override Task<ServerReadyResponse> ServerReady(ServerReadyRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerReadyResponse { Ready = host.State?.IsReady == true });

    public override Task<ServerMetadataResponse> ServerMetadata(ServerMetadataRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerMetadataResponse { Name = InferenceModels.ServerName, Version = InferenceModels.ServerVersion });

    /// <summary>Not ready (rather than an error) for a model that is not served, as Triton answers.</summary>
    public override Task<ModelReadyResponse> ModelReady(ModelReadyRequest request, ServerCallContext context) =>
        Task.FromResult(new ModelReadyResponse { Ready = InferenceModels.Find(host.State, request.Name, request.Version) is not null });

    public override Task<ModelMetadataResponse> ModelMetadata(ModelMetadataRequest request, ServerCallContext context)
    {
        var deployment = InferenceModels.Find(host.State, request.Name, request.Version) ?? throw NotServed(request.Name, request.Version);
        var metadata = InferenceModels.Metadata(request.Name, deployment);
        var response = new ModelMetadataResponse { Name = metadata.Name, Platform = metadata.Platform };
        response.Versions.AddRange(metadata.Versions);
        response.Inputs.AddRange(metadata.Inputs.Select(Tensor));
        response.Outputs.AddRange(metadata.Outputs.Select(Tensor));
        return Task.FromResult(response);
    }

    public override async Task<ModelInferResponse> ModelInfer(ModelInferRequest request, ServerCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        if (request.ModelName.Length == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "model_name: is missing"));
        }

        var http = context.GetHttpContext();
        if (!InferenceModels.TryPin(host.State, request.ModelName, request.ModelVersion, ScoringExecutor.Pinned(http.Request), out var pinned))
        {
            throw NotServed(request.ModelName, request.ModelVersion);
        }

        var outcome = await executor.ExecuteAsync<GrpcInferCall, GrpcInferAnswer>(http, MetricsProtocol, pinned, new GrpcInferCall(request), started);
        return outcome.Failure is { } failure ? throw GrpcStatuses.Of(failure) : outcome.Answer!.Response;
    }

    private static ModelMetadataResponse.Types.TensorMetadata Tensor(TensorMetadata tensor)
    {
        var result = new ModelMetadataResponse.Types.TensorMetadata { Name = tensor.Name, Datatype = tensor.Datatype };
        result.Shape.AddRange(tensor.Shape);
        return result;
    }

    /// <summary>Unavailable with the reason for a model the endpoint names but could not load; NotFound for one it does not name.</summary>
    private RpcException NotServed(string name, string version) => InferenceModels.NotLoaded(host.State, name) is { } reason
        ? new RpcException(new Status(StatusCode.Unavailable, reason))
        : new RpcException(new Status(StatusCode.NotFound, InferenceModels.NotServed(name, version)));
}
