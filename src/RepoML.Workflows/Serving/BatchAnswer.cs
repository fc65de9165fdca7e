using RepoML.Core.Json;

namespace RepoML.Workflows.Serving;

/// <summary>
/// Reads a custom scorer's answer to a mini-batch of N rows into one set of output cells per row. Accepted, as the
/// online answers of Azure ML scorers are shaped:
/// <list type="bullet">
/// <item>an array of N objects (what the built-in scorer answers): one column per property;</item>
/// <item>an array of N values: one column, <c>result</c>;</item>
/// <item>an object whose array properties all hold N values (<c>{"predictions": […]}</c>): one column per property.</item>
/// </list>
/// Strings are written as they are, numbers and booleans as JSON writes them, null as an empty cell, arrays as their
/// elements separated by spaces (as wide model outputs) and objects as compact JSON.
/// </summary>
public static class BatchAnswer
{
    public const string ResultColumn = "result";

    /// <exception cref="ScoringInputException">The answer is not JSON, or not one of the shapes above for <paramref name="rows"/> rows.</exception>
    public static IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Parse(string answer, int rows)
    {
        JsonDocument document;
        try
        {
            document = StrictJson.Parse(answer);
        }
        catch (JsonException ex)
        {
            throw new ScoringInputException($"the scorer's answer is not JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Array when root.GetArrayLength() == rows => [.. root.EnumerateArray().Select(Row)],
                JsonValueKind.Object when Columns(root, rows) is { Count: > 0 } columns =>
                    [.. Enumerable.Range(0, rows).Select(r => (IReadOnlyList<KeyValuePair<string, string>>)[.. columns.Select(c
                        => KeyValuePair.Create(c.Name, Text(c.Value[r])))])],
                _ => throw new ScoringInputException($"the scorer answered {Describe(root)} for {rows} rows: expected an array of {rows} results, "
                    + $"or an object whose arrays hold {rows} values each"),
            };
        }
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Row(JsonElement result) =>
        result.ValueKind == JsonValueKind.Object
            ? [.. result.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Text(p.Value)))]
            : [KeyValuePair.Create(ResultColumn, Text(result))];

    private static List<(string Name, JsonElement[] Value)> Columns(JsonElement root, int rows)
    {
        var properties = root.EnumerateObject().ToList();
        return properties.Count > 0 && properties.All(p => p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == rows)
            ? [.. properties.Select(p => (p.Name, p.Value.EnumerateArray().ToArray()))]
            : [];
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "",
        JsonValueKind.Array => string.Join(' ', value.EnumerateArray().Select(Text)),
        JsonValueKind.Object => JsonSerializer.Serialize(value),
        _ => value.GetRawText(),
    };

    private static string Describe(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Array => $"an array of {root.GetArrayLength()}",
        JsonValueKind.Object => "an object with " + string.Join(", ", root.EnumerateObject()
            .Select(p => p.Value.ValueKind == JsonValueKind.Array ? $"{p.Name} ({p.Value.GetArrayLength()} values)" : p.Name)),
        var kind => $"a {kind.ToString().ToLowerInvariant()}",
    };
}
