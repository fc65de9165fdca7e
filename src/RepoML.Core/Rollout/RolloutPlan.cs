namespace RepoML.Core.Rollout;

/// <summary>A parsed rollout plan: what <c>repoml promote</c> follows for one endpoint.</summary>
/// <param name="Model">The registered model both deployments serve; null means the endpoint's <c>tags.model</c>, else its name.</param>
/// <param name="Label">The registry label that names the production version; moved when a rollout completes.</param>
/// <param name="MetricsUrl">The live endpoint's Prometheus address; <c>--metrics-url</c> overrides it.</param>
/// <param name="Steps">Traffic steps for the candidate, strictly rising, ending at 100.</param>
public sealed record RolloutPlan(
    string? Model,
    string Label,
    string? MetricsUrl,
    CompareGate? Compare,
    IReadOnlyList<RolloutStep> Steps,
    RollbackRule Rollback)
{
    public const string DefaultLabel = "prod";

    /// <summary>The plan file's conventional name inside an endpoint folder.</summary>
    public const string FileName = "rollout.yml";
}
