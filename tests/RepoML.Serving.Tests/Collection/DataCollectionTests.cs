using System.Text.Json.Nodes;
using RepoML.Serving.Tests.Support;

namespace RepoML.Serving.Tests.Collection;

public sealed class DataCollectionTests : IDisposable
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

    private readonly EndpointWorkspace workspace = new();

    [Fact]
    public async Task Should_write_one_input_and_one_output_record_per_request_When_served_under_load()
    {
        // Given
        workspace.Endpoint("blue=100").Deployment("blue", extra: Collector);
        var server = await KestrelServer.StartAsync(workspace);

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

    public void Dispose() => workspace.Dispose();

    private List<JsonNode> Records(string collection)
    {
        var folder = Path.Combine(workspace.Root, ".repoml", "collected", "iris", "blue", collection);
        var files = Directory.GetFiles(folder, "*.jsonl", SearchOption.AllDirectories);
        var relative = Path.GetRelativePath(folder, Path.GetDirectoryName(files.Single())!);
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/\d{2}$", relative.Replace('\\', '/'));
        return [.. files.SelectMany(File.ReadAllLines).Select(l => JsonNode.Parse(l)!)];
    }
}
