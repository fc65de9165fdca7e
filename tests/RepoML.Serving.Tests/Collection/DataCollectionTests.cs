namespace RepoML.Serving.Tests.Collection;

public sealed class DataCollectionTests : EndpointWorkspaceTests
{
    private const string Collector = """
        data_collector:
          rolling_rate: hour
          collections:
            model_inputs:
              enabled: "true"
            model_outputs:
              enabled: "true"

        """;

    [Fact]
    public async Task Should_write_one_input_and_one_output_record_per_request_When_served_under_load()
    {
        // Given
        Workspace.Endpoint("blue=100").Deployment("blue", extra: Collector);
        var server = await KestrelServer.StartAsync(Workspace);

        // When 400 requests from 16 loops, then a graceful stop
        var results = await Load.RunAsync(server.Client, 400, workers: 16);
        await server.DisposeAsync();

        // Then
        Assert.All(results, r => Assert.Equal(200, r.Status));
        var inputs = Records("model_inputs");
        var outputs = Records("model_outputs");
        Assert.Equal(400, inputs.Count);
        Assert.Equal(400, outputs.Count);
        Assert.Equal(
            inputs.Select(r => r["correlationid"]!.GetValue<string>()).Order(),
            outputs.Select(r => r["correlationid"]!.GetValue<string>()).Order());
        Assert.Equal("azureml.inference.model_inputs", inputs[0]["type"]!.GetValue<string>());
        Assert.NotNull(inputs[0]["data"]!["input_data"]);
        Assert.Equal(3, outputs[0]["data"]![0]!["Score.output"]!.AsArray().Count);
    }

    [Fact]
    public async Task Should_write_each_record_on_one_line_When_request_body_is_pretty_printed()
    {
        // Given a client that sends indented JSON (as sample-request.json files are written)
        Workspace.Endpoint("blue=100").Deployment("blue", extra: Collector);
        var server = await KestrelServer.StartAsync(Workspace);
        var body = Requests.Iris([5.1, 3.5, 1.4, 0.2], [6.2, 2.9, 4.3,
            1.3]).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

        // When it scores three times and the server stops
        for (var i = 0; i < 3; i++)
        {
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            Assert.Equal(200, (int)(await server.Client.PostAsync("/score", content)).StatusCode);
        }

        await server.DisposeAsync();

        // Then the JSON Lines file holds exactly three lines, each a whole record
        var inputs = Records("model_inputs");
        Assert.Equal(3, inputs.Count);
        Assert.Equal(2, inputs[0]["data"]!["input_data"]!["data"]!.AsArray().Count);
    }

    private List<JsonNode> Records(string collection)
    {
        var folder = Path.Combine(Workspace.Root, ".repoml", "collected", "iris", "blue", collection);
        var files = Directory.GetFiles(folder, "*.jsonl", SearchOption.AllDirectories);
        var relative = Path.GetRelativePath(folder, Path.GetDirectoryName(files.Single())!);
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/\d{2}$", relative.Replace('\\', '/'));
        return [.. files.SelectMany(File.ReadAllLines).Select(l => JsonNode.Parse(l)!)];
    }
}
