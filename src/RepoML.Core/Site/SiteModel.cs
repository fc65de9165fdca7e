using RepoML.Core.Lineage;
using RepoML.Core.Profiles;

namespace RepoML.Core.Site;

/// <summary>The registry site as values, before any HTML: what each page shows.</summary>
public sealed record SiteModel(
    string Title,
    string? Tip,
    string Branch,
    IReadOnlyList<RegisteredAsset> Assets,
    IReadOnlyList<VersionView> Versions,
    IReadOnlyList<RunRow> Runs,
    IReadOnlyList<EndpointView> Endpoints,
    IReadOnlyList<string> Problems);

/// <summary>
/// One version's page: its lineage (and the graph drawn from it), what changed since the previous version, the data
/// profile recorded with it (data versions) and how that moved, and the traffic share its deployments had over time.
/// </summary>
public sealed record VersionView(
    RegisteredVersion Version,
    LineageReport Lineage,
    LineageGraph Graph,
    VersionDelta? Delta,
    DataProfile? Profile,
    ProfileDiff? ProfileDiff,
    IReadOnlyList<TrafficShare> Traffic,
    EnvironmentFiles? Environment = null);

/// <summary>The share of its endpoint's traffic a deployment of this version had from a commit on.</summary>
public sealed record TrafficShare(string Endpoint, string Deployment, CommitInfo Commit, int Percent);

/// <summary>A pipeline run that produced registered versions: its parameters (literal job inputs) and the versions' metrics.</summary>
public sealed record RunRow(
    string RunId,
    string Pipeline,
    DateTimeOffset StartedAt,
    string? Commit,
    IReadOnlyList<RegisteredVersion> Produced,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, double> Metrics);

/// <summary>An endpoint: every span a deployment used a version, the traffic split's history, its rollout steps and its monitors' runs.</summary>
public sealed record EndpointView(string Name, IReadOnlyList<DeploymentUse> Uses, IReadOnlyList<TrafficChange> Traffic,
    IReadOnlyList<RolloutEntry> Rollout, IReadOnlyList<MonitorPoint> Monitoring);
