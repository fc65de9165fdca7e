using Grpc.Core;

namespace RepoML.Serving.Tests.Grpc;

/// <summary>Traffic split, pinning, mirror traffic, metrics and data collection over gRPC: the REST pipeline's, through the same executor.</summary>
public sealed class GrpcRolloutTests : EndpointWorkspaceTests
{
    [Fact]
    public async Task Should_split_the_endpoints_name_90_10_and_pin_by_header_or_model_name_When_inferring_over_grpc()
    {
        // Given
        await using var server = await KestrelServer.StartBlueAndGreenAsync(Workspace, "blue=90,green=10", grpc: true);
        var grpc = server.Grpc!;

        // When 1,000 requests name the endpoint, 50 pin green by metadata, 50 name green as the model
        var split = new List<string?>();
        for (var i = 0; i < 1000; i++)
        {
            using var call = grpc.ModelInferAsync(GrpcRequests.Iris("iris"));
            await call;
            split.Add(GrpcRequests.Deployment(await call.ResponseHeadersAsync));
        }

        var pinned = new List<string?>();
        for (var i = 0; i < 50; i++)
        {
            using var byHeader = grpc.ModelInferAsync(GrpcRequests.Iris("iris"), new Metadata { { "azureml-model-deployment", "green" } });
            await byHeader;
            pinned.Add(GrpcRequests.Deployment(await byHeader.ResponseHeadersAsync));
            using var byName = grpc.ModelInferAsync(GrpcRequests.Iris("green"));
            await byName;
            pinned.Add(GrpcRequests.Deployment(await byName.ResponseHeadersAsync));
        }

        var unknown = await Assert.ThrowsAsync<RpcException>(() => grpc.ModelInferAsync(GrpcRequests.Iris("iris"), new Metadata { { "azureml-model-deployment", "red" } }).ResponseAsync);

        // Then
        Assert.Equal(900, split.Count(d => d == "blue"));
        Assert.Equal(100, split.Count(d => d == "green"));
        Assert.All(pinned, d => Assert.Equal("green", d));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Should_mirror_the_share_and_count_grpc_requests_in_the_metrics_When_inferring_over_grpc()
    {
        // Given a shadow (green) that takes half the requests as mirror copies
        await using var server = await KestrelServer.StartBlueAndGreenAsync(Workspace, "blue=100,green=0", mirror: "green=50", grpc: true);

        // When 200 requests, then a bad one (a failed request is not mirrored)
        for (var i = 0; i < 200; i++)
        {
            using var call = server.Grpc!.ModelInferAsync(GrpcRequests.Iris("iris"));
            await call;
            Assert.Equal("blue", GrpcRequests.Deployment(await call.ResponseHeadersAsync));
        }

        var bad = GrpcRequests.Iris("iris");
        bad.Inputs[0].Datatype = "INT64";
        await Assert.ThrowsAsync<RpcException>(() => server.Grpc!.ModelInferAsync(bad).ResponseAsync);

        // Then
        var (mirrored, text) = (0.0, "");
        await Eventually.TrueAsync(async () =>
        {
            text = await server.Client.GetStringAsync("/metrics");
            mirrored = MetricsText.Value(text, "repoml_mirrored_requests_total{deployment=\"green\",outcome=\"scored\"}");
            return mirrored >= 100;
        }, TimeSpan.FromSeconds(5));

        Assert.Equal(100, mirrored);
        Assert.Equal(200, MetricsText.Value(text, "repoml_requests_total{deployment=\"blue\",protocol=\"grpc\",status=\"200\"}"));
        Assert.Equal(1, MetricsText.Value(text, "repoml_requests_total{deployment=\"blue\",protocol=\"grpc\",status=\"400\"}"));
        Assert.Equal(1, MetricsText.Value(text, "repoml_request_errors_total{deployment=\"blue\",reason=\"bad_request\"}"));
    }

    [Fact]
    public async Task Should_collect_inputs_and_outputs_as_v2_json_with_the_callers_request_id_When_inferring_over_grpc()
    {
        // Given
        Workspace.Endpoint("blue=100").Deployment("blue", extra: """
            data_collector:
              collections:
                model_inputs:
                  enabled: "true"
                model_outputs:
                  enabled: "true"

            """);
        var server = await KestrelServer.StartWithGrpcAsync(Workspace);

        // When three requests, one with raw contents, each with its own x-request-id, then a graceful stop
        for (var i = 0; i < 3; i++)
        {
            using var call = server.Grpc!.ModelInferAsync(GrpcRequests.Iris("blue", raw: i == 2, [5.1 + i, 3.5, 1.4, 0.2]), new Metadata { { "x-request-id", $"req-{i}" } });
            await call;
            Assert.Equal($"req-{i}", (await call.ResponseHeadersAsync).GetValue("x-request-id"));
        }

        await server.DisposeAsync();

        // Then
        var inputs = Records("model_inputs");
        var outputs = Records("model_outputs");
        Assert.Equal(["req-0", "req-1", "req-2"], inputs.Select(r => r["correlationid"]!.GetValue<string>()).Order());
        Assert.Equal(["req-0", "req-1", "req-2"], outputs.Select(r => r["correlationid"]!.GetValue<string>()).Order());
        var third = inputs.Single(r => r["correlationid"]!.GetValue<string>() == "req-2")["data"]!;
        Assert.Equal("sepal_length", third["inputs"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(7.1f, third["inputs"]![0]!["data"]![0]!.GetValue<float>());
        Assert.Equal("blue", outputs[0]["data"]!["model_name"]!.GetValue<string>());
        Assert.Equal(3, outputs[0]["data"]!["outputs"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "Score.output")!["data"]!.AsArray().Count);
    }

    private List<JsonNode> Records(string collection) =>
        [.. Directory.EnumerateFiles(Path.Combine(Workspace.Root, ".repoml", "collected", Workspace.Name, "blue", collection), "*.jsonl", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines).Select(l => JsonNode.Parse(l)!)];
}
