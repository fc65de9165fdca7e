namespace RepoML.Core.Rollout;

/// <summary>What promotion knows when it decides: the candidate's counters during the current step, the offline comparison, the step's age.</summary>
/// <param name="Candidate">The candidate's counters since the step began; null when the live endpoint's metrics could not be read.</param>
/// <param name="ComparisonPassed">The comparison policy's verdict for the candidate; null when no comparison ran.</param>
/// <param name="StepAge">How long the current traffic has been declared (since the last commit that changed the endpoint); null when unknown.</param>
/// <param name="MetricsProblem">Why the metrics could not be read, for the message.</param>
/// <param name="ComparisonFailures">The comparison gates that failed, each in one sentence (when the comparison failed).</param>
public sealed record GateEvidence(DeploymentCounters? Candidate, bool? ComparisonPassed, TimeSpan? StepAge, string? MetricsProblem = null,
    IReadOnlyList<string>? ComparisonFailures = null)
{
    public static GateEvidence None { get; } = new(null, null, null);
}
