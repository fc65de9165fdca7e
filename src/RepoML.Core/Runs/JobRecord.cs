namespace RepoML.Core.Runs;

/// <summary>
/// One job of a run. <see cref="Status"/> is completed, failed, skipped (not run because an upstream job failed
/// or the run stopped) or canceled; <see cref="Cached"/> says its outputs were reused from an earlier run.
/// Inputs map to a digest (<c>sha256:…</c>) for files and folders, or to the literal value.
/// </summary>
public sealed record JobRecord(
    string Name,
    string Status,
    bool Cached,
    string Command,
    int? ExitCode,
    double DurationSeconds,
    string CacheKey,
    string? Reason,
    string? Environment,
    string? EnvironmentDigest,
    string? CodeDigest,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyDictionary<string, string> Outputs,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<AssetUse> Assets)
{
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
    public const string Canceled = "canceled";

    /// <summary>Where each output also lives outside the store (a cloud run's datastore URIs); empty for a local run.</summary>
    public IReadOnlyDictionary<string, string> OutputUris { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A sweep job's trials, in the order they were planned; null for other jobs (and a sweep reused from the cache).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TrialRecord>? Trials { get; init; }

    /// <summary>The assets this job's named outputs were registered as (<c>data clean:2</c>), or why one was not; null when none asked.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Registered { get; init; }

    /// <summary>A sweep job's best trial (its outputs are the sweep's outputs).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? BestTrial { get; init; }
}
