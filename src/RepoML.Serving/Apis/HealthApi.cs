namespace RepoML.Serving.Apis;

/// <summary>
/// Liveness and readiness probes (what an orchestrator's liveness_probe / readiness_probe call): live while the
/// process answers; ready once every deployment taking traffic has its model loaded.
/// Readiness also reports what each deployment serves (<see cref="ObservedDeployment"/>). <c>GET /</c> answers as the
/// Azure ML inference server does.
/// </summary>
public static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => TypedResults.Text("Healthy"));
        routes.MapGet("/health/live", () => TypedResults.Text("Healthy"));
        routes.MapGet("/health/ready", (EndpointHost host) =>
        {
            var state = host.State;
            var body = new
            {
                ready = state?.IsReady == true,
                endpoint = state?.Settings.Name,
                deployments = state?.Deployments.Keys.Order(StringComparer.Ordinal).ToArray() ?? [],
                failed = state?.Failures ?? new Dictionary<string, string>(),
                traffic = state?.Router.Weights ?? new Dictionary<string, int>(),
                // The observed state: what each deployment serves, and whether the last reload applied its file.
                models = ObservedDeployment.Of(state),
                reload = state is null ? null : new { outcome = state.Outcome, at = state.ReloadedAt },
            };
            return Results.Json(body, statusCode: body.ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
    }
}
