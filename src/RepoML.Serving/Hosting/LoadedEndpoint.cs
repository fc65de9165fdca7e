namespace RepoML.Serving.Hosting;

/// <summary>An immutable snapshot of what is served: replaced as a whole when the endpoint files change.</summary>
/// <param name="scorerSources">The code of every deployment with a custom scorer, loaded or not: watched for changes.</param>
public sealed class LoadedEndpoint(EndpointSettings settings, IReadOnlyDictionary<string, LoadedDeployment> deployments,
    IReadOnlyDictionary<string, string> failures,
    IReadOnlyList<ScorerSource>? scorerSources = null)
{
    public EndpointSettings Settings { get; } = settings;

    public IReadOnlyDictionary<string, LoadedDeployment> Deployments { get; } = deployments;

    /// <summary>Deployments that could not be loaded, with the reason (shown by readiness and logs).</summary>
    public IReadOnlyDictionary<string, string> Failures { get; } = failures;

    /// <summary>When this state was applied.</summary>
    public DateTimeOffset ReloadedAt { get; init; }

    /// <summary><see cref="ReloadOutcomes.Applied"/>, or <see cref="ReloadOutcomes.Failed"/> when a deployment is not what its file says.</summary>
    public string Outcome { get; init; } = ReloadOutcomes.Applied;

    /// <summary>The code of the custom scorers this state serves or failed to load.</summary>
    public IReadOnlyList<ScorerSource> ScorerSources { get; } = scorerSources ?? [];

    public TrafficRouter Router { get; } = new(settings.Traffic.Where(t => deployments.ContainsKey(t.Key)).ToDictionary());

    public IReadOnlyList<MirrorSampler> Mirrors { get; } =
        [.. settings.MirrorTraffic.Where(m => m.Value > 0 && deployments.ContainsKey(m.Key)).Select(m => new MirrorSampler(m.Key, m.Value))];

    /// <summary>Ready when every deployment taking live traffic is loaded.</summary>
    public bool IsReady => Settings.Traffic.Where(t => t.Value > 0).All(t => Deployments.ContainsKey(t.Key));

    /// <summary>The deployment with the most traffic (for /swagger.json without a pinned deployment).</summary>
    public LoadedDeployment? Default =>
        Settings.Traffic.OrderByDescending(t => t.Value).Select(t => Deployments.GetValueOrDefault(t.Key)).FirstOrDefault(d => d is not null)
        ?? Deployments.Values.OrderBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault();
}
