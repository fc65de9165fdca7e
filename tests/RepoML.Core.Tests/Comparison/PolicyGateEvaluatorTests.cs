namespace RepoML.Core.Tests.Comparison;

public sealed class PolicyGateEvaluatorTests
{
    private static IReadOnlyDictionary<string, MetricComparison> Metrics(params (string Name, double Candidate, double? Baseline)[] values) =>
        values.ToDictionary(v => v.Name, v => new MetricComparison(v.Name, v.Candidate, v.Baseline, v.Baseline is { } b ? v.Candidate - b : null,
            null, RepoML.Core.Metrics.MetricNames.GreaterIsBetter(v.Name)));

    private static GateStatus One(MetricGate gate, IReadOnlyDictionary<string, MetricComparison> metrics, bool hasBaseline = true) =>
        Assert.Single(PolicyGateEvaluator.Evaluate([gate], metrics, hasBaseline)).Status;

    [Theory]
    [InlineData("roc_auc", 0.80, 0.80, GateStatus.Pass)] // inclusive, as MLflow
    [InlineData("roc_auc", 0.79, 0.80, GateStatus.Fail)]
    [InlineData("log_loss", 0.40, 0.40, GateStatus.Pass)] // lower is better: ≤
    [InlineData("log_loss", 0.41, 0.40, GateStatus.Fail)]
    public void Should_compare_with_the_threshold_in_the_metric_direction_When_a_threshold_is_set(string metric, double value, double threshold,
        GateStatus expected) =>
        Assert.Equal(expected, One(new MetricGate(metric, Threshold: threshold), Metrics((metric, value, null)), hasBaseline: false));

    [Theory]
    [InlineData(0.85, 0.80, 0.05, GateStatus.Fail)] // strict: exactly the change is not enough (MLflow's operator.gt)
    [InlineData(0.86, 0.80, 0.05, GateStatus.Pass)]
    [InlineData(0.79, 0.80, -0.02, GateStatus.Pass)] // negative: a tolerated regression
    [InlineData(0.77, 0.80, -0.02, GateStatus.Fail)]
    public void Should_require_more_than_the_absolute_change_When_min_absolute_change_is_set(double candidate, double baseline, double change,
        GateStatus expected) =>
        Assert.Equal(expected, One(new MetricGate("accuracy", MinAbsoluteChange: change), Metrics(("accuracy", candidate, baseline))));

    [Fact]
    public void Should_measure_improvement_downwards_When_lower_is_better()
    {
        // Given a log loss that fell from 0.50 to 0.40 (20 % better)
        var metrics = Metrics(("log_loss", 0.40, 0.50));

        // When / Then
        Assert.Equal(GateStatus.Pass, One(new MetricGate("log_loss", MinRelativeChange: 0.19), metrics));
        Assert.Equal(GateStatus.Fail, One(new MetricGate("log_loss", MinRelativeChange: 0.21), metrics));
        Assert.Equal(GateStatus.Pass, One(new MetricGate("log_loss", MinAbsoluteChange: 0.09), metrics));
    }

    [Fact]
    public void Should_follow_greater_is_better_When_the_policy_overrides_the_direction()
    {
        // Given r2 declared lower-is-better (an odd but explicit choice)
        var gate = new MetricGate("r2", Threshold: 0.5, GreaterIsBetter: false);

        // When / Then
        Assert.Equal(GateStatus.Fail, One(gate, Metrics(("r2", 0.6, null)), hasBaseline: false));
        Assert.Equal(GateStatus.Pass, One(gate, Metrics(("r2", 0.4, null)), hasBaseline: false));
    }

    [Fact]
    public void Should_fall_back_to_better_than_baseline_When_the_baseline_is_zero()
    {
        // Given / When / Then
        Assert.Equal(GateStatus.Pass, One(new MetricGate("r2", MinRelativeChange: 0.5), Metrics(("r2", 0.01, 0.0))));
        Assert.Equal(GateStatus.Fail, One(new MetricGate("r2", MinRelativeChange: 0.5), Metrics(("r2", 0.0, 0.0))));
    }

    [Fact]
    public void Should_fail_every_rule_When_the_metric_is_missing_or_undefined()
    {
        // Given rmse gated on a binary comparison and an undefined ROC AUC (one class only)
        var metrics = Metrics(("accuracy", 0.9, 0.8), ("roc_auc", double.NaN, 0.7));
        MetricGate[] gates = [new("rmse", Threshold: 1, MinAbsoluteChange: 0), new("roc_auc", Threshold: 0.5)];

        // When
        var results = PolicyGateEvaluator.Evaluate(gates, metrics, hasBaseline: true);

        // Then
        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.Equal(GateStatus.Fail, r.Status));
        Assert.Contains("was not computed", results[0].Message, StringComparison.Ordinal);
        Assert.Equal(ComparisonVerdict.Fail, ComparisonVerdict.Of(results, hasBaseline: true));
    }

    [Fact]
    public void Should_skip_change_rules_and_keep_thresholds_When_there_is_no_baseline()
    {
        // Given / When
        var results = PolicyGateEvaluator.Evaluate([new MetricGate("accuracy", Threshold: 0.7, MinAbsoluteChange: 0, MinRelativeChange: 0)],
            Metrics(("accuracy", 0.75, null)), hasBaseline: false);

        // Then
        Assert.Equal([GateStatus.Pass, GateStatus.Skipped, GateStatus.Skipped], results.Select(r => r.Status));
        Assert.Equal(ComparisonVerdict.NoBaseline, ComparisonVerdict.Of(results, hasBaseline: false));
    }
}
