namespace RepoML.Cli.Commands.Training;

/// <summary>One-line rendering of metrics for people: <c>accuracy 0.9561, f1 0.9412</c>.</summary>
internal static class MetricsText
{
    public static string Format(IReadOnlyDictionary<string, double?> metrics) =>
        string.Join(", ", metrics.Select(m => $"{m.Key} {(m.Value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "n/a")}"));
}
