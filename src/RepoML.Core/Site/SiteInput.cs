using RepoML.Core.Lineage;
using RepoML.Core.Profiles;

namespace RepoML.Core.Site;

/// <summary>
/// Everything the registry site shows, gathered from Git by the caller: the registry, the deployment timeline, the traffic
/// splits endpoints had over time, and the data profiles recorded with data versions (by version key).
/// </summary>
public sealed record SiteInput(
    string Title,
    RegistrySnapshot Registry,
    IReadOnlyList<DeploymentUse> Deployments,
    IReadOnlyList<TrafficChange> Traffic,
    IReadOnlyDictionary<string, DataProfile> Profiles,
    Func<string, CommitInfo?> CommitOf)
{
    /// <summary>Rollout steps from the endpoints' history (<see cref="RolloutHistory"/>).</summary>
    public IReadOnlyList<RolloutEntry> Rollout { get; init; } = [];

    /// <summary>Monitor runs from the monitors' history files, when a monitor keeps one.</summary>
    public IReadOnlyList<MonitorPoint> Monitoring { get; init; } = [];

    /// <summary>What each environment version is built from, by version key.</summary>
    public IReadOnlyDictionary<string, EnvironmentFiles> Environments { get; init; } = new Dictionary<string, EnvironmentFiles>();
}

/// <summary>An endpoint's traffic split as a commit left it (an empty split: the endpoint file was removed).</summary>
public sealed record TrafficChange(string Endpoint, string File, CommitInfo Commit, int Position, IReadOnlyDictionary<string, int> Split);
