namespace RepoML.Core.Rollout;

/// <summary>Limits the candidate deployment must keep during a step; null means "not checked".</summary>
public sealed record HealthGates(double? MaxErrorRate, double? MaxP95LatencyMs, long? MinRequests)
{
    public static HealthGates None { get; } = new(null, null, null);

    public bool IsEmpty => MaxErrorRate is null && MaxP95LatencyMs is null;

    /// <summary>These gates, with any unset one taken from <paramref name="defaults"/>.</summary>
    public HealthGates Over(HealthGates defaults) =>
        new(MaxErrorRate ?? defaults.MaxErrorRate, MaxP95LatencyMs ?? defaults.MaxP95LatencyMs, MinRequests ?? defaults.MinRequests);
}
