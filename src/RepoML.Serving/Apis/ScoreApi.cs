namespace RepoML.Serving.Apis;

/// <summary>Azure ML's scoring contract: <c>POST /score</c> (deployment pinned by the <c>azureml-model-deployment</c> header) and <c>GET
/// /swagger.json</c>.</summary>
public static class ScoreApi
{
    public static RouteGroupBuilder MapScoreApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").AddEndpointFilter<KeyAuthorizationFilter>();
        group.MapPost("/score", (HttpContext http, ScoringExecutor executor) =>
            executor.ExecuteAsync(http, "azureml", ScoringExecutor.Pinned(http.Request), ScoreAsync));
        group.MapGet("/swagger.json", (HttpContext http, EndpointHost host) =>
        {
            var state = host.State;
            var pinned = ScoringExecutor.Pinned(http.Request);
            var deployment = pinned is null ? state?.Default : state?.Deployments.GetValueOrDefault(pinned);
            if (deployment is not null && state is not null)
            {
                return (IResult)TypedResults.Text(SwaggerDocument.Create(state.Settings.Name, deployment).ToJsonString(), "application/json");
            }

            // As for v2 metadata: a deployment the endpoint names but could not load is a 503 that says why; an unknown one a 404.
            return InferenceModels.NotLoaded(state, pinned ?? state?.Settings.Name ?? "") is { } reason
                ? Problems.Of(StatusCodes.Status503ServiceUnavailable, "Deployment not loaded", reason)
                : Problems.Of(StatusCodes.Status404NotFound, "No deployment", pinned is null ? "no deployment is loaded" : $"no deployment '{pinned}' is loaded");
        });
        return group;
    }

    /// <summary>
    /// Scores a /score body on one deployment (also used for mirrored copies). A custom scorer gets the body's JSON text
    /// and its answer is returned as it is, as Azure ML's <c>run(raw)</c>.
    /// </summary>
    public static async ValueTask<byte[]> ScoreAsync(LoadedDeployment deployment, System.Text.Json.JsonElement body, CancellationToken cancellation)
    {
        if (deployment.Scorer is { } scorer)
        {
            return System.Text.Encoding.UTF8.GetBytes(await scorer.RunAsync(body.GetRawText(), cancellation));
        }

        var batch = TableRequestParser.Parse(body, deployment.Table);
        cancellation.ThrowIfCancellationRequested();
        var result = await deployment.Batcher.ScoreAsync(batch);
        return ScoreResponse.Write(result);
    }
}
