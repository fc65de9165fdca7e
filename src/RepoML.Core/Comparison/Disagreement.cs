namespace RepoML.Core.Comparison;

/// <summary>One evaluation row on which the two models differ; <paramref name="Gap"/> is how much (see <see cref="PredictionAgreement"/>).</summary>
/// <param name="Row">0-based data row, as in <c>repoml evaluate --predictions</c>.</param>
public sealed record Disagreement(int Row, string Actual, string Candidate, string Baseline, double Gap);
