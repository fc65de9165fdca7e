using System.Text.Json;
using System.Text.Json.Nodes;
using RepoML.Core.Artifacts;
using RepoML.Core.Json;

namespace RepoML.Core.Monitoring;

/// <summary>
/// The drift figures of a monitor's past windows, oldest first, at most <see cref="MaxWindows"/> of them: the text of
/// <c>.repoml/monitor/&lt;endpoint&gt;/&lt;monitor&gt;/history.json</c>. The file carries the SHA-256 of its windows, so a torn or
/// hand-edited file is detected on read rather than drawn as history.
/// </summary>
public static class DriftHistory
{
    public const string Schema = "repoml.monitor-history/v1";

    /// <summary>Windows kept: a year of daily runs, and a chart that stays readable.</summary>
    public const int MaxWindows = 366;

    /// <summary>The history with <paramref name="window"/> added (replacing a run over the same window), bounded to the newest windows.</summary>
    public static IReadOnlyList<DriftWindow> Append(IReadOnlyList<DriftWindow> history, DriftWindow window, int max = MaxWindows) =>
        [.. history.Where(w => w.From != window.From || w.To != window.To).Append(window).OrderBy(w => w.To).ThenBy(w => w.From)
            .TakeLast(max)];

    public static string Write(IReadOnlyList<DriftWindow> windows)
    {
        var array = new JsonArray([.. windows.Select(w => (JsonNode)new JsonObject
        {
            ["from"] = w.From.ToString("O", CultureInfo.InvariantCulture),
            ["to"] = w.To.ToString("O", CultureInfo.InvariantCulture),
            ["share"] = w.Share is { } share ? Finite(share) : null,
            ["drifted"] = w.Drifted,
            ["alerts"] = w.Alerts,
            ["features"] = new JsonArray([.. w.Features.Select(f => (JsonNode)new JsonObject
            {
                ["feature"] = f.Feature, ["test"] = f.Test, ["value"] = Finite(f.Value), ["threshold"] = Finite(f.Threshold), ["drifted"] = f.Drifted,
            })]),
        })]).ToJsonString();
        return $"{{\"schema\":\"{Schema}\",\"digest\":\"{Digest.Compute(Encoding.UTF8.GetBytes(array))}\",\"windows\":{array}}}\n";
    }

    /// <summary>The windows, or none and what is wrong: not JSON, another schema, or windows whose digest does not match.</summary>
    public static (IReadOnlyList<DriftWindow> Windows, string? Problem) Read(string text)
    {
        try
        {
            using var document = StrictJson.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out var schema) || schema.GetString() != Schema)
            {
                return ([], $"not a {Schema} file");
            }

            if (!root.TryGetProperty("windows", out var windows) || windows.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("digest", out var digest) || !Digest.TryParse(digest.GetString(), out var expected)
                || Digest.Compute(Encoding.UTF8.GetBytes(windows.GetRawText())) != expected)
            {
                return ([], "its windows do not match its digest (torn or edited)");
            }

            return ([.. windows.EnumerateArray().Select(Window)], null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException)
        {
            return ([], $"unreadable: {ex.Message}");
        }
    }

    private static DriftWindow Window(JsonElement w) => new(
        DateTimeOffset.Parse(w.GetProperty("from").GetString()!, CultureInfo.InvariantCulture),
        DateTimeOffset.Parse(w.GetProperty("to").GetString()!, CultureInfo.InvariantCulture),
        w.GetProperty("share").ValueKind == JsonValueKind.Number ? w.GetProperty("share").GetDouble() : null,
        [.. w.GetProperty("features").EnumerateArray().Select(f => new DriftPoint(f.GetProperty("feature").GetString()!,
            f.GetProperty("test").GetString()!, NumberOrNaN(f.GetProperty("value")), NumberOrNaN(f.GetProperty("threshold")),
            f.GetProperty("drifted").GetBoolean()))],
        // Absent in histories written before the dataset verdict and alert count were kept.
        w.TryGetProperty("drifted", out var drifted) && drifted.ValueKind is JsonValueKind.True or JsonValueKind.False ? drifted.GetBoolean() : null,
        w.TryGetProperty("alerts", out var alerts) && alerts.ValueKind == JsonValueKind.Number ? alerts.GetInt32() : 0);

    // JSON has no NaN or infinity (a statistic over overflowing data can be either): written as null, read back as NaN.
    private static JsonNode? Finite(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    private static double NumberOrNaN(JsonElement element) => element.ValueKind == JsonValueKind.Number ? element.GetDouble() : double.NaN;
}
