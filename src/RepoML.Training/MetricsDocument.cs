using System.Text.Json;
using RepoML.Core.Metrics;

namespace RepoML.Training;

/// <summary>The content of metrics.json.</summary>
/// <param name="EvaluatedOn">"training" (train: the model's own training rows), "validation" (sweep) or "data" (evaluate).</param>
/// <param name="Metrics">Names from <see cref="MetricNames"/>; null where undefined (e.g. ROC AUC with one class).</param>
public sealed record MetricsDocument(MlTask Task, string EvaluatedOn, string Data, int Rows, IReadOnlyDictionary<string, double?> Metrics)
{
    public const string FileName = "metrics.json";

    public static MetricsDocument Create(MlTask task, string evaluatedOn, string data, int rows, IReadOnlyDictionary<string, double> metrics) =>
        new(task, evaluatedOn, data, rows, TrainingJson.Finite(metrics));

    public string ToJson() => JsonSerializer.Serialize(this, TrainingJson.Options) + "\n";
}
