namespace RepoML.Core.Comparison;

/// <summary>The declarative schema of a comparison policy file, checked by <see cref="SchemaValidator"/>.</summary>
public static class ComparePolicySchema
{
    /// <summary>The kind's name in its <c>$schema</c> address.</summary>
    public const string KindName = "comparePolicy";

    /// <summary>Every metric name a gate or primary metric may use.</summary>
    public static EnumSchema Metrics { get; } = new(
        Core.Metrics.MetricNames.Accuracy, Core.Metrics.MetricNames.Precision, Core.Metrics.MetricNames.Recall, Core.Metrics.MetricNames.F1,
        Core.Metrics.MetricNames.RocAuc, Core.Metrics.MetricNames.PrAuc, Core.Metrics.MetricNames.LogLoss, Core.Metrics.MetricNames.MacroF1,
        Core.Metrics.MetricNames.Rmse, Core.Metrics.MetricNames.Mae, Core.Metrics.MetricNames.R2);

    /// <summary>One gate: MLflow's MetricThreshold fields.</summary>
    public static ObjectSchema Gate { get; } = new("gate",
    [
        new("threshold", new NumberSchema()),
        new("min_absolute_change", new NumberSchema()),
        new("min_relative_change", new NumberSchema(Min: -1)),
        new("greater_is_better", BooleanSchema.Instance),
    ]);

    public static ObjectSchema Schema { get; } = new("comparePolicy",
    [
        CommonFields.SchemaUrl,
        CommonFields.Description,
        new("model", new StringSchema()),
        // Optional: `repoml compare --data CSV` supplies it, and the compare says so when neither does.
        new("data", new StringSchema()),
        new("label", new StringSchema()),
        new("task", new EnumSchema("binary", "multiclass", "regression")),
        new("primary_metric", Metrics),
        new("gates", new MapSchema(Gate)),
        new("bootstrap", new ObjectSchema("bootstrap",
        [
            new("resamples", new IntegerSchema(Min: 0, Max: 100_000)),
            new("seed", new IntegerSchema(Min: 0, Max: int.MaxValue)),
        ])),
        new("importance", new ObjectSchema("importance",
        [
            new("repeats", new IntegerSchema(Min: 0, Max: 100)),
            new("max_rows", new IntegerSchema(Min: 1, Max: 1_000_000)),
        ])),
        new("report", new ObjectSchema("report",
        [
            new("top_disagreements", new IntegerSchema(Min: 0, Max: 1000)),
        ])),
    ]);
}
