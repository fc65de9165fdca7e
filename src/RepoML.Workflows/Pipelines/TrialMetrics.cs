using RepoML.Core.Json;

namespace RepoML.Workflows.Pipelines;

/// <summary>
/// The metrics channel of sweep trials: a JSON Lines file whose path is in <c>REPOML_METRICS_FILE</c>. Each line is one report,
/// either <c>{"loss": 0.31, "accuracy": 0.9}</c> or MLflow's log-metric shape <c>{"key": "loss", "value": 0.31, "step": 2}</c>;
/// plain appends from any language, no RepoML library. Each line reporting a metric is one interval for early termination.
/// </summary>
public static class TrialMetrics
{
    public const string Variable = "REPOML_METRICS_FILE";

    /// <summary>Every value reported for each metric, in order. Only complete lines count (a line being written is skipped).</summary>
    public static IReadOnlyDictionary<string, List<double>> Read(string path)
    {
        var series = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        string text;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            text = new StreamReader(stream).ReadToEnd();
        }
        catch (IOException)
        {
            return series;
        }

        var lines = text.Split('\n');
        foreach (var line in lines.Take(lines.Length - 1).Where(l => l.Trim().Length > 0))
        {
            foreach (var (name, value) in Report(line))
            {
                if (!series.TryGetValue(name, out var values))
                {
                    series[name] = values = [];
                }

                values.Add(value);
            }
        }

        return series;
    }

    private static IEnumerable<(string Name, double Value)> Report(string line)
    {
        JsonElement root;
        try
        {
            using var json = StrictJson.Parse(line);
            root = json.RootElement.Clone();
        }
        catch (JsonException)
        {
            yield break;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (root.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String && root.TryGetProperty("value", out var single)
            && single.ValueKind == JsonValueKind.Number)
        {
            yield return (key.GetString()!, single.GetDouble());
            yield break;
        }

        foreach (var property in root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number && p.Name is not ("step" or "timestamp")))
        {
            yield return (property.Name, property.Value.GetDouble());
        }
    }
}
