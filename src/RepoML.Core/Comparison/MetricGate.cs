namespace RepoML.Core.Comparison;

/// <summary>
/// One metric's gate, shaped like MLflow's <c>MetricThreshold</c>. Every rule that is set must hold.
/// Unlike MLflow, the change rules may be negative: <c>min_absolute_change: -0.02</c> lets the candidate be up to
/// 0.02 worse than the baseline (a "no regression beyond" rule), which MLflow cannot express.
/// </summary>
/// <param name="Threshold">The candidate's value must be ≥ it (≤ when lower is better).</param>
/// <param name="MinAbsoluteChange">The candidate must beat the baseline by more than this, in the metric's units.</param>
/// <param name="MinRelativeChange">The candidate must beat the baseline by more than this fraction of the baseline's value.</param>
/// <param name="GreaterIsBetter">The metric's direction; null takes the metric's known direction.</param>
/// <param name="Span">Where the gate is written, for messages.</param>
public sealed record MetricGate(
    string Metric,
    double? Threshold = null,
    double? MinAbsoluteChange = null,
    double? MinRelativeChange = null,
    bool? GreaterIsBetter = null,
    SourceSpan? Span = null)
{
    /// <summary>The direction used: the explicit one, else the metric's known direction.</summary>
    public bool HigherIsBetter => GreaterIsBetter ?? Metrics.MetricNames.GreaterIsBetter(Metric);
}
