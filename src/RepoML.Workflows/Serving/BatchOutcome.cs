namespace RepoML.Workflows.Serving;

/// <summary>What a batch job produced: scored rows in input order, failures, and whether the error threshold was crossed.</summary>
public sealed record BatchOutcome(IReadOnlyList<ScoredRow> Scored, int Failed, IReadOnlyList<string> Failures, bool ThresholdExceeded);
