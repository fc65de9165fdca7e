namespace RepoML.Core.Runs;

/// <summary>One trial of a sweep job: the parameters it ran with, how it ended, and the metrics it reported.</summary>
/// <param name="Status">completed, failed or canceled (early termination or a timeout; <paramref name="Reason"/> says which).</param>
/// <param name="PrimaryValue">The objective's primary metric (its last reported value), when the trial reported a finite one.</param>
public sealed record TrialRecord(
    int Trial,
    IReadOnlyDictionary<string, string> Parameters,
    string Status,
    double? PrimaryValue,
    IReadOnlyDictionary<string, double> Metrics,
    string? Reason,
    double DurationSeconds);
