using System.Text.Json.Nodes;

namespace RepoML.Cli.Tests.Monitoring;

/// <summary>Traffic for a served endpoint in monitoring tests: CSV rows posted to <c>/score</c> as the clients of an endpoint do.</summary>
internal static class ScoredTraffic
{
    /// <summary>Posts <paramref name="rows"/> to <c>/score</c> twenty at a time; each request must succeed.</summary>
    public static async Task PostAsync(HttpClient client, IReadOnlyList<string> columns, IEnumerable<string[]> rows)
    {
        foreach (var chunk in rows.Chunk(20))
        {
            var body = new JsonObject
            {
                ["input_data"] = new JsonObject
                {
                    ["columns"] = new JsonArray([.. columns.Select(c => (JsonNode)c)]),
                    ["data"] = new JsonArray([.. chunk.Select(r => (JsonNode)new JsonArray([.. r.Select(Cell)]))]),
                },
            };
            using var response = await client.PostAsync("/score", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8,
                "application/json"));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>A CSV cell as JSON: a number when it reads as one, else the text without its quotes.</summary>
    private static JsonNode? Cell(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : value.Trim('\'', '"');
}
