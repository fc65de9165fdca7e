namespace RepoML.Workflows.Comparison;

/// <summary>A comparison's report and its Markdown (the PR comment and build summary).</summary>
public sealed record CompareResult(ComparisonReport Report, string Markdown)
{
    /// <summary><see cref="WorkflowFailure.GateFailed"/> when a gate failed; null otherwise.</summary>
    public WorkflowFailure? Failure => Report.Verdict == ComparisonVerdict.Fail ? WorkflowFailure.GateFailed : null;
}
