namespace RepoML.Core.Comparison;

/// <summary>How often the candidate and the baseline predict the same thing, and the rows where they differ most.</summary>
/// <param name="Rate">Share of rows with the same prediction (regression: within <paramref name="Tolerance"/>).</param>
/// <param name="MeanGap">Mean gap over all rows (binary: |ΔP(positive)|; multiclass: total variation; regression: |Δprediction|).</param>
/// <param name="Tolerance">Regression only: the largest difference still counted as agreement.</param>
public sealed record AgreementSummary(double Rate, int Disagreeing, double MeanGap, double? Tolerance, IReadOnlyList<Disagreement> TopRows);
