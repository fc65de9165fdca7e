namespace RepoML.Core.Comparison;

/// <summary>One metric of both models: values, the delta (candidate − baseline) and its paired bootstrap 95 % interval.</summary>
/// <param name="Candidate">NaN when undefined on these rows (e.g. ROC AUC with one class).</param>
public sealed record MetricComparison(string Name, double Candidate, double? Baseline, double? Delta, ConfidenceInterval? Ci95, bool GreaterIsBetter)
{
    /// <summary>+1 when the candidate is better, −1 worse, 0 equal or unknown.</summary>
    public int Direction => Delta is not { } d || d == 0 || double.IsNaN(d) ? 0 : (d > 0) == GreaterIsBetter ? 1 : -1;
}
