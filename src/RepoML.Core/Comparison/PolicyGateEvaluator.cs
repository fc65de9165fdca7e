namespace RepoML.Core.Comparison;

/// <summary>
/// Evaluates gates as MLflow's <c>validate_evaluation_results</c> does: thresholds inclusive (≥, or ≤ when lower is
/// better); change rules strict (the candidate must beat baseline + change); a baseline of 0 makes the relative rule
/// a plain "better than the baseline". A metric that was not computed fails every rule naming it.
/// </summary>
public static class PolicyGateEvaluator
{
    public const string Threshold = "threshold";
    public const string MinAbsoluteChange = "min_absolute_change";
    public const string MinRelativeChange = "min_relative_change";

    /// <param name="metrics">The comparison's metrics by name; a gate's metric may be absent.</param>
    /// <param name="hasBaseline">Without a baseline, change rules are skipped.</param>
    public static IReadOnlyList<GateResult> Evaluate(IReadOnlyList<MetricGate> gates, IReadOnlyDictionary<string, MetricComparison> metrics,
        bool hasBaseline)
    {
        var results = new List<GateResult>();
        foreach (var gate in gates)
        {
            metrics.TryGetValue(gate.Metric, out var metric);
            var candidate = metric is not null && !double.IsNaN(metric.Candidate) ? metric.Candidate : (double?)null;
            var baseline = metric?.Baseline is { } b && !double.IsNaN(b) ? b : (double?)null;
            var higher = gate.HigherIsBetter;
            if (gate.Threshold is { } threshold)
            {
                results.Add(candidate is not { } c
                    ? Missing(gate, Threshold, threshold)
                    : Result(gate, Threshold, threshold, c, higher ? c >= threshold : c <= threshold,
                        $"{gate.Metric} {F(c)} {(higher ? "≥" : "≤")} {F(threshold)}"));
            }

            if (gate.MinAbsoluteChange is { } absolute)
            {
                results.Add(Change(gate, MinAbsoluteChange, absolute, candidate, baseline, hasBaseline, (c, bl) =>
                {
                    var improvement = higher ? c - bl : bl - c;
                    return (improvement, improvement > absolute,
                        $"improvement {F(improvement)} over baseline {F(bl)} {(improvement > absolute ? ">" : "≤")} {F(absolute)}");
                }));
            }

            if (gate.MinRelativeChange is { } relative)
            {
                results.Add(Change(gate, MinRelativeChange, relative, candidate, baseline, hasBaseline, (c, bl) =>
                {
                    var improvement = higher ? c - bl : bl - c;
                    if (bl == 0)
                    {
                        return (improvement, improvement > 0, $"baseline is 0, so the candidate must simply be better: improvement {F(improvement)}");
                    }

                    var share = improvement / Math.Abs(bl);
                    return (share, share > relative,
                        $"relative improvement {P(share)} over baseline {F(bl)} {(share > relative ? ">" : "≤")} {P(relative)}");
                }));
            }
        }

        return results;
    }

    private static GateResult Change(MetricGate gate, string rule, double limit, double? candidate, double? baseline, bool hasBaseline,
        Func<double, double, (double Value, bool Pass, string Message)> test)
    {
        if (!hasBaseline)
        {
            return new GateResult(gate.Metric, rule, limit, null, GateStatus.Skipped, "no baseline to compare with");
        }

        if (candidate is not { } c || baseline is not { } b)
        {
            return Missing(gate, rule, limit);
        }

        var (value, pass, message) = test(c, b);
        return Result(gate, rule, limit, value, pass, message);
    }

    private static GateResult Missing(MetricGate gate, string rule, double limit) =>
        new(gate.Metric, rule, limit, null, GateStatus.Fail, $"metric '{gate.Metric}' was not computed, so the gate fails");

    private static GateResult Result(MetricGate gate, string rule, double limit, double value, bool pass, string message) =>
        new(gate.Metric, rule, limit, value, pass ? GateStatus.Pass : GateStatus.Fail, message);

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string P(double value) => value.ToString("0.##%", CultureInfo.InvariantCulture);
}
