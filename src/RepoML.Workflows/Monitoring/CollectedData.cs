using RepoML.Core.Json;

namespace RepoML.Workflows.Monitoring;

/// <summary>
/// Reads what the scoring server collected: <c>.repoml/collected/&lt;endpoint&gt;/&lt;deployment&gt;/&lt;collection&gt;/yyyy/MM/dd/HH/*.jsonl</c>,
/// one CloudEvents-style envelope per line (<c>time</c>, <c>correlationid</c>, <c>data</c> = the request or response body).
/// Request bodies in every <c>/score</c> shape are flattened to rows; responses are arrays of output objects.
/// </summary>
public static class CollectedData
{
    public const string Inputs = "model_inputs";
    public const string Outputs = "model_outputs";

    public static string Folder(string root) => Path.Combine(root, ".repoml", "collected");

    /// <param name="positionalColumns">Column order for <c>{"data": [[...]]}</c> bodies, which carry no names.</param>
    public static CellTable Read(string root, string endpoint, IReadOnlyList<string> deployments, string collection, DateTimeOffset from,
        DateTimeOffset to, IReadOnlyList<string> positionalColumns)
    {
        var columns = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<Dictionary<int, string?>>();
        var keys = new List<string?>();
        foreach (var file in Files(root, endpoint, deployments, collection))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length == 0) { continue; }
                using var envelope = TryParse(line);
                if (envelope?.RootElement.ValueKind != JsonValueKind.Object) { continue; }
                    // a line torn by a killed server: the rest of the file is still good
                var e = envelope.RootElement;
                var time = e.TryGetProperty("time", out var t) && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : DateTimeOffset.MinValue;
                if (time < from || time >= to || !e.TryGetProperty("data", out var data)) { continue; }
                var correlation = e.TryGetProperty("correlationid", out var c) ? c.GetString() : null;
                var n = 0;
                foreach (var row in Rows(data, positionalColumns))
                {
                    var cells = new Dictionary<int, string?>();
                    foreach (var (name, value) in row)
                    {
                        if (!index.TryGetValue(name, out var i)) { index[name] = i = columns.Count; columns.Add(name); }
                        cells[i] = value;
                    }

                    rows.Add(cells);
                    keys.Add(correlation is null ? null : $"{correlation}#{n}");
                    n++;
                }
            }
        }

        return new CellTable(columns, [.. rows.Select(r => Enumerable.Range(0, columns.Count).Select(r.GetValueOrDefault).ToArray())], keys);
    }

    private static JsonDocument? TryParse(string line)
    {
        try
        {
            return StrictJson.Parse(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Files(string root, string endpoint, IReadOnlyList<string> deployments, string collection)
    {
        var endpointFolder = Path.Combine(Folder(root), endpoint);
        if (!Directory.Exists(endpointFolder)) { return []; }
        var chosen = deployments.Count > 0 ? deployments
            : Directory.EnumerateDirectories(endpointFolder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        return chosen.Select(d => Path.Combine(endpointFolder, d, collection)).Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<IEnumerable<(string Name, string? Value)>> Rows(JsonElement body, IReadOnlyList<string> positional)
    {
        if (body.ValueKind == JsonValueKind.Array)
        {
            return body.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object).Select(Named); // responses, records
        }

        if (body.ValueKind != JsonValueKind.Object) { return []; }
        if (body.TryGetProperty("input_data", out var input))
        {
            if (input.ValueKind == JsonValueKind.Array) { return Rows(input, positional); }
            if (input.ValueKind == JsonValueKind.Object && input.TryGetProperty("data", out var split) && split.ValueKind == JsonValueKind.Array)
            {
                var names = input.TryGetProperty("columns", out var cs) && cs.ValueKind == JsonValueKind.Array ? cs.EnumerateArray().Select(x
                    => x.GetString() ?? "").ToList() : positional.ToList();
                return split.EnumerateArray().Select(r => Positional(r, names));
            }
        }

        if (body.TryGetProperty("data", out var rows) && rows.ValueKind == JsonValueKind.Array)
        {
            return rows.EnumerateArray().Select(r => r.ValueKind == JsonValueKind.Object ? Named(r) : Positional(r, positional));
        }

        return [];
    }

    private static IEnumerable<(string, string?)> Named(JsonElement row) => row.EnumerateObject().Select(p => (p.Name, Cell(p.Value))).ToList();

    private static IEnumerable<(string, string?)> Positional(JsonElement row, IReadOnlyList<string> names) =>
        row.ValueKind != JsonValueKind.Array ? [] : row.EnumerateArray().Take(names.Count).Select((v, i) => (names[i], Cell(v))).ToList();

    private static string? Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array when value.GetArrayLength() == 1 => Cell(value[0]),
        _ => value.GetRawText(),
    };

    /// <summary>A baseline CSV file as cells: empty cells and the spellings of "no value" (NA, nan, null…) are missing values, as in
    /// profiles and training.</summary>
    public static CellTable FromCsv(string path, string displayName)
    {
        var csv = RepoML.Training.Data.CsvTable.Load(path, displayName);
        return new CellTable(csv.Header, [.. csv.Rows.Select(r => r.Select(c => RepoML.Core.Profiles.MissingCell.Is(c) ? null : c).ToArray())]);
    }
}
