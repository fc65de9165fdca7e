namespace RepoML.Training;

/// <summary>The content of metrics.json.</summary>
/// <param name="EvaluatedOn">"training" (train: the model's own training rows), "validation" (sweep) or "data" (evaluate).</param>
/// <param name="Data">The data file's name only: an absolute path would make the output differ from machine to machine.</param>
/// <param name="DataDigest">The data file's content digest, which identifies it wherever it lives.</param>
/// <param name="Metrics">Names from <see cref="MetricNames"/>; null where undefined (e.g. ROC AUC with one class).</param>
public sealed record MetricsDocument(MlTask Task, string EvaluatedOn, string Data, string? DataDigest, int Rows, IReadOnlyDictionary<string,
    double?> Metrics)
{
    public const string FileName = "metrics.json";

    public static MetricsDocument Create(MlTask task, string evaluatedOn, string data, int rows, IReadOnlyDictionary<string, double> metrics) =>
        new(task, evaluatedOn, Path.GetFileName(data), File.Exists(data) ? DigestOf(data) : null, rows, TrainingJson.Finite(metrics));

    private static string DigestOf(string path)
    {
        using var stream = File.OpenRead(path);
        return "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    public string ToJson() => JsonSerializer.Serialize(this, TrainingJson.Options) + "\n";
}
