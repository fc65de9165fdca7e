namespace RepoML.Core.Rollout;

/// <summary>What the live endpoint serves beside what Git says, as promotion reconciles them before a step.</summary>
/// <param name="Deployments">Each deployment desired beside observed; null when the live endpoint could not be read.</param>
/// <param name="Problem">Why the live endpoint could not be read.</param>
public sealed record LiveState(IReadOnlyList<DeploymentSync>? Deployments, string? Problem = null)
{
    /// <summary>True when the live endpoint was read and serves exactly what Git says.</summary>
    public bool InSync => Problem is null && Deployments is { } all && all.All(d => d.InSync);

    /// <summary>Every difference, one clause per deployment: <c>green: serves credit:1 (…), Git says credit:2 (…)</c>.</summary>
    public string Drift => string.Join("; ", (Deployments ?? []).Where(d => !d.InSync).Select(d => $"{d.Name} {string.Join(", ", d.Differences)}"));

    /// <summary>What each deployment served: <c>blue credit:2 (sha256:…) 90 %, green credit:3 (sha256:…) 10 %</c>.</summary>
    public string Served => string.Join(", ", (Deployments ?? []).Where(d => d.Observed is not null).Select(d =>
        $"{d.Name} {EndpointDrift.Describe(d.Observed!.Model, d.Observed.Version, d.Observed.Digest)} {d.Observed.Traffic} %"));
}
