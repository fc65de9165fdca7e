namespace RepoML.Cli.Tests.Monitoring;

/// <summary>
/// Writes collected data exactly as the scoring server's DataCollector does (src/RepoML.Serving/Collection): one envelope
/// per request under <c>.repoml/collected/credit/blue/{model_inputs,model_outputs}/yyyy/MM/dd/HH/data.jsonl</c>.
/// </summary>
internal static class CollectedFiles
{
    public static void Write(string root, IReadOnlyList<string> columns, IReadOnlyList<string[]> rows, IReadOnlyList<string> labels,
        DateTimeOffset time, int rowsPerRequest = 10)
    {
        var folder = Path.Combine(root, ".repoml", "collected", "credit", "blue");
        var hour = time.UtcDateTime.ToString("yyyy/MM/dd/HH", CultureInfo.InvariantCulture);
        var inputs = new List<string>();
        var outputs = new List<string>();
        for (var start = 0; start < rows.Count; start += rowsPerRequest)
        {
            var batch = rows.Skip(start).Take(rowsPerRequest).ToList();
            var correlation = Guid.NewGuid().ToString();
            var data = new JsonArray([.. batch.Select(r => (JsonNode)new JsonArray([.. r.Select(Cell)]))]);
            var body = new JsonObject { ["input_data"] = new JsonObject { ["columns"] = new JsonArray([.. columns.Select(c => (JsonNode)c)]),
                ["index"] = new JsonArray(), ["data"] = data } };
            var answer = new JsonArray([.. labels.Skip(start).Take(rowsPerRequest).Select(l
                => (JsonNode)new JsonObject { ["PredictedLabel.output"] = l })]);
            inputs.Add(Envelope("model_inputs", correlation, time, body));
            outputs.Add(Envelope("model_outputs", correlation, time, answer));
        }

        Append(Path.Combine(folder, "model_inputs", hour), inputs);
        Append(Path.Combine(folder, "model_outputs", hour), outputs);
    }

    private static JsonNode? Cell(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : JsonValue.Create(value);

    private static string Envelope(string collection, string correlation, DateTimeOffset time, JsonNode data) => new JsonObject
    {
        ["specversion"] = "1.0",
        ["id"] = Guid.NewGuid().ToString(),
        ["source"] = "/endpoints/credit/deployments/blue",
        ["type"] = $"azureml.inference.{collection}",
        ["datacontenttype"] = "application/json",
        ["time"] = time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["correlationid"] = correlation,
        ["data"] = data,
    }.ToJsonString();

    private static void Append(string folder, IEnumerable<string> lines)
    {
        Directory.CreateDirectory(folder);
        File.AppendAllLines(Path.Combine(folder, "data.jsonl"), lines);
    }
}
