namespace RepoML.Core.Site;

/// <summary>
/// Reads a monitor's history file leniently: a JSON array of runs (or an object holding one under <c>runs</c>,
/// <c>history</c> or <c>entries</c>), each with a time (<c>to</c>, <c>time</c>, <c>at</c> or <c>from</c>) and, where
/// present, the drift share, whether data drifted and the alerts. Entries without a time are skipped; a file that is
/// not JSON gives nothing (the site shows history, it does not validate it).
/// </summary>
public static class MonitorHistory
{
    public static IReadOnlyList<MonitorPoint> Parse(string endpoint, string monitor, string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return [];
        }

        var runs = root as JsonArray ?? (root as JsonObject)?.Select(p => p.Value).OfType<JsonArray>().FirstOrDefault() ?? [];
        var points = new List<MonitorPoint>();
        foreach (var run in runs.OfType<JsonObject>())
        {
            if (First(run, "to", "time", "at", "timestamp", "from") is not { } when)
            {
                continue;
            }

            var drift = run["data_drift"] as JsonObject;
            var share = Number(run["drift_share"]) ?? Number(run["share"]) ?? Number(drift?["share"]);
            var drifted = Bool(run["drifted"]) ?? Bool(drift?["drifted"]);
            var alerts = run["alerts"] is JsonArray list ? list.Count : (int)(Number(run["alerts"]) ?? 0);
            points.Add(new MonitorPoint(endpoint, monitor, when, share, drifted, alerts));
        }

        return [.. points.OrderBy(p => p.When)];
    }

    private static DateTimeOffset? First(JsonObject run, params string[] names) => names
        .Select(n => run[n] is JsonValue v && v.TryGetValue<string>(out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var when) ? when : (DateTimeOffset?)null)
        .FirstOrDefault(w => w is not null);

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static bool? Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
}
