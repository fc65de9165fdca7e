using RepoML.Core.Json;

namespace RepoML.Workflows.Pipelines;

/// <summary>Numbers from the <c>metrics.json</c> files a job wrote into its output folders, flattened with dotted names.</summary>
public static class RunMetrics
{
    public static IReadOnlyDictionary<string, double> Read(IEnumerable<string> folders)
    {
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var file in folders.Select(f => Path.Combine(f, "metrics.json")).Where(File.Exists))
        {
            try
            {
                using var json = StrictJson.Parse(File.ReadAllText(file));
                Flatten(json.RootElement, "", metrics);
            }
            catch (JsonException)
            {
                // A step's malformed metrics file is its own business; the run record just lacks those numbers.
            }
        }

        return metrics;
    }

    private static void Flatten(JsonElement element, string prefix, SortedDictionary<string, double> metrics)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                metrics[prefix] = element.GetDouble();
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}", metrics);
                }

                break;
        }
    }
}
