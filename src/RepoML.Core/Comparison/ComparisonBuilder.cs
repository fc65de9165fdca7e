namespace RepoML.Core.Comparison;

/// <summary>Turns two models' predictions into a <see cref="ComparisonReport"/>: metrics, deltas, intervals, agreement, gates, verdict.</summary>
public static class ComparisonBuilder
{
    public static ComparisonReport Build(ComparisonInputs inputs)
    {
        var (candidate, baseline, policy) = (inputs.Candidate, inputs.Baseline, inputs.Policy);
        var task = candidate.Task;
        var candidateMetrics = candidate.Metrics();
        var baselineMetrics = baseline?.Metrics();
        var intervals = baseline is null ? new Dictionary<string, ConfidenceInterval>() : PairedBootstrap.Run(candidate, baseline,
            policy.Resamples, policy.Seed);
        var primary = policy.PrimaryMetricFor(task);

        var metrics = MetricNames.ForTask(task)
            .OrderBy(name => name == primary ? 0 : 1)
            .Select(name =>
            {
                var c = candidateMetrics[name];
                double? b = baselineMetrics is null ? null : baselineMetrics[name];
                var direction = policy.Gates.FirstOrDefault(g => g.Metric == name)?.HigherIsBetter ?? MetricNames.GreaterIsBetter(name);
                return new MetricComparison(name, c, b, b is { } bv ? c - bv : null, intervals.GetValueOrDefault(name), direction);
            })
            .ToList();

        var gates = PolicyGateEvaluator.Evaluate(policy.Gates, metrics.ToDictionary(m => m.Name, StringComparer.Ordinal), baseline is not null);
        var curves = new Dictionary<string, IReadOnlyList<ChartSeries>>(StringComparer.Ordinal);
        if (task == MlTask.Binary)
        {
            curves["roc"] = Series(candidate, baseline, Curves.Roc);
            curves["pr"] = Series(candidate, baseline, Curves.PrecisionRecall);
        }
        else if (task == MlTask.Regression)
        {
            curves["residuals"] = Series(candidate, baseline, Curves.Residuals);
        }

        var importance = inputs.BaselineImportance.Count > 0
            ? PermutationImportance.WithBaseline(inputs.CandidateImportance, inputs.BaselineImportance)
            : inputs.CandidateImportance;
        return new ComparisonReport(
            inputs.Model,
            task,
            primary,
            inputs.Data,
            candidate.Rows,
            inputs.CandidateSummary,
            baseline is null ? null : inputs.BaselineSummary,
            metrics,
            gates,
            ComparisonVerdict.Of(gates, baseline is not null),
            baseline is null ? null : PredictionAgreement.Compute(candidate, baseline, policy.TopDisagreements),
            importance,
            curves,
            baseline is null ? 0 : policy.Resamples,
            policy.Seed,
            ClassificationDetail.Of(candidate),
            baseline is null ? null : ClassificationDetail.Of(baseline));
    }

    private static IReadOnlyList<ChartSeries> Series(PredictionSet candidate, PredictionSet? baseline, Func<PredictionSet,
        IReadOnlyList<ChartPoint>> curve) =>
        baseline is null ? [new ChartSeries("candidate", curve(candidate))] : [new ChartSeries("candidate", curve(candidate)),
            new ChartSeries("baseline", curve(baseline))];
}
