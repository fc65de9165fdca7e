namespace RepoML.Serving.Apis;

/// <summary>
/// The Open Inference Protocol (KServe/Triton v2) REST API. A model name is a deployment name, or the endpoint's
/// name to go through the traffic split; the version is the model version the deployment references. A deployment
/// served by a custom .NET scorer has metadata (no tensors) but answers <c>infer</c> with 400: its contract is
/// <c>/score</c>'s raw body, which the v2 protocol's tensors do not fit.
/// </summary>
public static class InferenceApi
{
    public static void MapInferenceApi(this IEndpointRouteBuilder routes)
    {
        var v2 = routes.MapGroup("/v2");
        v2.MapGet("", () => TypedResults.Json(new { name = "repoml", version = typeof(InferenceApi).Assembly.GetName().Version?.ToString(3),
            extensions = Array.Empty<string>() }));
        v2.MapGet("/health/live", () => TypedResults.Json(new { live = true }));
        v2.MapGet("/health/ready", (EndpointHost host) => host.State?.IsReady == true
            ? Results.Json(new { ready = true })
            : Results.Json(new { ready = false }, statusCode: StatusCodes.Status503ServiceUnavailable));

        var models = v2.MapGroup("/models/{name}").AddEndpointFilter<KeyAuthorizationFilter>();
        foreach (var prefix in new[] { "", "/versions/{version}" })
        {
            models.MapGet(prefix, (string name, string? version, EndpointHost host) => Metadata(host, name, version));
            models.MapGet($"{prefix}/ready", (string name, string? version, EndpointHost host) => Find(host, name, version) is { } d
                ? Results.Json(new { name, ready = true })
                : Results.Json(new { name, ready = false }, statusCode: StatusCodes.Status404NotFound));
            models.MapPost($"{prefix}/infer", (string name, string? version, HttpContext http, EndpointHost host, ScoringExecutor executor) =>
            {
                var state = host.State;
                var routed = state is not null && name == state.Settings.Name && !state.Deployments.ContainsKey(name);
                if (!routed && Find(host, name, version) is null)
                {
                    return Task.FromResult<IResult>(NotFound(name, version));
                }

                return executor.ExecuteAsync(http, "v2", routed ? null : name, (deployment, body, cancellation) =>
                {
                    if (deployment.Scorer is not null)
                    {
                        throw new ScoringInputException($"deployment '{deployment.Name}' is served by a custom .NET scorer, which " +
                            $"answers POST /score only; "
                            + "the v2 inference protocol needs the built-in ONNX scorer");
                    }

                    var (id, inputs, outputs) = InferenceRequestReader.Read(body, deployment.Session);
                    cancellation.ThrowIfCancellationRequested();
                    var results = deployment.Session.Run(inputs, outputs);
                    return ValueTask.FromResult(InferenceResponse.Write(name, deployment.ModelVersion, id, results));
                });
            });
        }
    }

    private static IResult Metadata(EndpointHost host, string name, string? version)
    {
        if (Find(host, name, version) is not { } deployment)
        {
            return NotFound(name, version);
        }

        if (deployment.Scorer is not null)
        {
            return TypedResults.Json(new { name, versions = new[] { deployment.ModelVersion }, platform = "repoml_dotnet_scorer",
                inputs = Array.Empty<object>(), outputs = Array.Empty<object>() });
        }

        return TypedResults.Json(new
        {
            name,
            versions = new[] { deployment.ModelVersion },
            platform = "onnxruntime_onnx",
            inputs = deployment.Session.Inputs.Where(i => i.DataType is not null).Select(i => new { name = i.Name,
                datatype = TensorJson.DataTypeName(i.DataType!.Value), shape = i.Shape }),
            outputs = deployment.Session.Outputs.Where(o => o.DataType is not null).Select(o => new { name = o.Name,
                datatype = TensorJson.DataTypeName(o.DataType!.Value), shape = o.Shape }),
        });
    }

    /// <summary>The deployment a model name (and optional version) means: itself, or the endpoint's default.</summary>
    private static LoadedDeployment? Find(EndpointHost host, string name, string? version)
    {
        var state = host.State;
        var deployment = state?.Deployments.GetValueOrDefault(name) ?? (state is not null && name == state.Settings.Name ? state.Default : null);
        return deployment is not null && (version is null || version == deployment.ModelVersion) ? deployment : null;
    }

    private static IResult NotFound(string name, string? version) =>
        Problems.Of(404, "No such model", version is null ? $"no model '{name}' is served" : $"no model '{name}' version '{version}' is served");
}
