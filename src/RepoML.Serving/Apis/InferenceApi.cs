using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RepoML.Core.Scoring;
using RepoML.Serving.Hosting;
using RepoML.Serving.Scoring;
using RepoML.Serving.Security;

namespace RepoML.Serving.Apis;

/// <summary>
/// The Open Inference Protocol (KServe/Triton v2) REST API; its gRPC form is <see cref="Grpc.GrpcInferenceService"/>.
/// Model names and versions are as <see cref="InferenceModels"/> says. A deployment served by a custom .NET scorer
/// has metadata (no tensors) but answers <c>infer</c> with 400: its contract is <c>/score</c>'s raw body, which the v2
/// protocol's tensors do not fit.
/// </summary>
public static class InferenceApi
{
    public static void MapInferenceApi(this IEndpointRouteBuilder routes)
    {
        var v2 = routes.MapGroup("/v2");
        v2.MapGet("", () => TypedResults.Json(new { name = InferenceModels.ServerName, version = InferenceModels.ServerVersion, extensions = Array.Empty<string>() }));
        v2.MapGet("/health/live", () => TypedResults.Json(new { live = true }));
        v2.MapGet("/health/ready", (EndpointHost host) => host.State?.IsReady == true
            ? Results.Json(new { ready = true })
            : Results.Json(new { ready = false }, statusCode: StatusCodes.Status503ServiceUnavailable));

        var models = v2.MapGroup("/models/{name}").AddEndpointFilter<KeyAuthorizationFilter>();
        foreach (var prefix in new[] { "", "/versions/{version}" })
        {
            models.MapGet(prefix, (string name, string? version, EndpointHost host) => InferenceModels.Find(host.State, name, version) is { } deployment
                ? TypedResults.Json(InferenceModels.Metadata(name, deployment) with { Repoml = ObservedDeployment.Of(host.State!, deployment.Name) })
                : NotServed(host.State, name, version));
            models.MapGet($"{prefix}/ready", (string name, string? version, EndpointHost host) => InferenceModels.Find(host.State, name, version) is not null
                ? Results.Json(new { name, ready = true })
                : InferenceModels.NotLoaded(host.State, name) is { } reason
                    ? Results.Json(new { name, ready = false, error = reason }, statusCode: StatusCodes.Status503ServiceUnavailable)
                    : Results.Json(new { name, ready = false }, statusCode: StatusCodes.Status404NotFound));
            models.MapPost($"{prefix}/infer", (string name, string? version, HttpContext http, EndpointHost host, ScoringExecutor executor) =>
                InferenceModels.TryPin(host.State, name, version, ScoringExecutor.Pinned(http.Request), out var pinned)
                    ? executor.ExecuteAsync(http, "v2", pinned, (deployment, body, cancellation) => InferAsync(name, deployment, body, cancellation))
                    : Task.FromResult(NotServed(host.State, name, version)));
        }
    }

    private static ValueTask<byte[]> InferAsync(string name, LoadedDeployment deployment, System.Text.Json.JsonElement body, CancellationToken cancellation)
    {
        if (deployment.Scorer is not null)
        {
            throw CustomScorerRefused(deployment);
        }

        var (id, inputs, outputs) = InferenceRequestReader.Read(body, deployment.Session);
        cancellation.ThrowIfCancellationRequested();
        var results = InferenceInputs.Run(deployment.Session, inputs, outputs);
        return ValueTask.FromResult(InferenceResponse.Write(name, deployment.ModelVersion, id, results));
    }

    /// <summary>The 400 for v2 inference on a deployment whose custom scorer only answers <c>/score</c>.</summary>
    public static ScoringInputException CustomScorerRefused(LoadedDeployment deployment) =>
        new($"deployment '{deployment.Name}' is served by a custom .NET scorer, which answers POST /score only; the v2 inference protocol needs the built-in ONNX scorer");

    /// <summary>503 with the reason for a model the endpoint names but could not load; 404 for one it does not name.</summary>
    private static IResult NotServed(LoadedEndpoint? state, string name, string? version) => InferenceModels.NotLoaded(state, name) is { } reason
        ? Problems.Of(StatusCodes.Status503ServiceUnavailable, "Model not loaded", reason)
        : Problems.Of(StatusCodes.Status404NotFound, "No such model", InferenceModels.NotServed(name, version));
}
