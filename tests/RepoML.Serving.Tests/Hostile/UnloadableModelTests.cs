using System.Net.Http.Json;
using Grpc.Core;
using RepoML.Serving.Tests.Support;

namespace RepoML.Serving.Tests.Hostile;

/// <summary>
/// Finding 9 of issue 17: a deployment whose model ONNX Runtime cannot load answered 404 "no model is served"; it is a
/// 503 (gRPC Unavailable) that says why, on every protocol, while a name the endpoint does not know stays a 404.
/// </summary>
public sealed class UnloadableModelTests : IDisposable
{
    private const string Reason = "is not a model ONNX Runtime can load";
    private readonly EndpointWorkspace workspace = new();

    public UnloadableModelTests()
    {
        var garbage = Path.Combine(workspace.Root, "models", "garbage.onnx");
        Directory.CreateDirectory(Path.GetDirectoryName(garbage)!);
        File.WriteAllBytes(garbage, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 251))]);
        workspace.Endpoint("blue=100").Deployment("blue", garbage);
    }

    [Theory]
    [InlineData("/score")]
    [InlineData("/v2/models/blue/infer")]
    [InlineData("/v2/models/iris/infer")]
    public async Task Should_answer_503_with_the_reason_When_a_request_reaches_a_model_that_cannot_load(string path)
    {
        // Given a server whose only deployment's model is garbage
        await using var server = await KestrelServer.StartAsync(workspace);

        // When
        using var answer = await server.Client.PostAsJsonAsync(path, GrpcRequests.IrisJson([[5.1, 3.5, 1.4, 0.2]]));

        // Then
        var body = await answer.Content.ReadAsStringAsync();
        Assert.Equal(503, (int)answer.StatusCode);
        Assert.Contains(Reason, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_503_for_its_metadata_and_readiness_and_404_for_an_unknown_model_When_rest_v2_asks()
    {
        await using var server = await KestrelServer.StartAsync(workspace);

        using var metadata = await server.Client.GetAsync("/v2/models/blue");
        using var ready = await server.Client.GetAsync("/v2/models/blue/ready");
        using var unknown = await server.Client.GetAsync("/v2/models/nope");

        Assert.Equal((503, 503, 404), ((int)metadata.StatusCode, (int)ready.StatusCode, (int)unknown.StatusCode));
        Assert.Contains(Reason, await metadata.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(Reason, await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("no model 'nope' is served", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 503)]
    [InlineData("blue", 503)]
    [InlineData("nope", 404)]
    public async Task Should_answer_swagger_json_as_v2_metadata_does_When_the_deployment_cannot_load(string? pinned, int status)
    {
        await using var server = await KestrelServer.StartAsync(workspace);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/swagger.json");
        if (pinned is not null)
        {
            request.Headers.Add("azureml-model-deployment", pinned);
        }

        using var answer = await server.Client.SendAsync(request);

        Assert.Equal(status, (int)answer.StatusCode);
        Assert.Contains(status == 503 ? Reason : "no deployment 'nope'", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_unavailable_with_the_reason_When_grpc_infers_or_asks_for_metadata()
    {
        await using var server = await KestrelServer.StartWithGrpcAsync(workspace);

        var infer = await Assert.ThrowsAsync<RpcException>(() => server.Grpc!.ModelInferAsync(GrpcRequests.Iris("blue", raw: false,
            [[5.1, 3.5, 1.4, 0.2]])).ResponseAsync);
        var metadata = await Assert.ThrowsAsync<RpcException>(() => server.Grpc!.ModelMetadataAsync(
            new RepoML.Serving.Grpc.Protocol.ModelMetadataRequest { Name = "blue" }).ResponseAsync);

        Assert.Equal((StatusCode.Unavailable, StatusCode.Unavailable), (infer.StatusCode, metadata.StatusCode));
        Assert.Contains(Reason, infer.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(Reason, metadata.Status.Detail, StringComparison.Ordinal);
    }

    public void Dispose() => workspace.Dispose();
}
