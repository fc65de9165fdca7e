using Grpc.Core;
using RepoML.Serving.Grpc.Protocol;
using RepoML.Serving.Security;

namespace RepoML.Serving.Tests.Grpc;

/// <summary><c>auth_mode: key</c> and <c>request_settings</c> limits over gRPC, as REST applies them.</summary>
public sealed class GrpcAuthAndLimitsTests : EndpointWorkspaceTests
{
    [Fact]
    public async Task Should_answer_unauthenticated_on_model_rpcs_and_serve_the_secondary_key_When_auth_mode_is_key()
    {
        // Given
        Workspace.Endpoint("blue=100").Deployment("blue");
        await using var server = await KestrelServer.StartWithGrpcAsync(Workspace);
        var anonymous = server.GrpcClient(null);
        var wrong = server.GrpcClient("Bearer not-the-key");
        var secondary = server.GrpcClient($"Bearer {server.App.Services.GetService(typeof(ApiKeyStore)) switch { ApiKeyStore keys => keys.Get(Workspace.Name).Secondary, _ => "" }}");

        // When
        var calls = new Func<GRPCInferenceService.GRPCInferenceServiceClient, Task>[]
        {
            c => c.ModelInferAsync(GrpcRequests.Iris("blue")).ResponseAsync,
            c => c.ModelMetadataAsync(new ModelMetadataRequest { Name = "blue" }).ResponseAsync,
            c => c.ModelReadyAsync(new ModelReadyRequest { Name = "blue" }).ResponseAsync,
        };
        var refused = new List<RpcException>();
        foreach (var call in calls)
        {
            refused.Add(await Assert.ThrowsAsync<RpcException>(() => call(anonymous)));
            refused.Add(await Assert.ThrowsAsync<RpcException>(() => call(wrong)));
            await call(secondary);
        }

        // Then model RPCs need a key; the server's own liveness, readiness and metadata do not
        Assert.All(refused, e => Assert.Equal(StatusCode.Unauthenticated, e.StatusCode));
        Assert.All(refused, e => Assert.Contains("auth_mode: key", e.Status.Detail, StringComparison.Ordinal));
        Assert.True((await anonymous.ServerLiveAsync(new ServerLiveRequest())).Live);
        Assert.True((await anonymous.ServerReadyAsync(new ServerReadyRequest())).Ready);
        Assert.Equal("repoml", (await anonymous.ServerMetadataAsync(new ServerMetadataRequest())).Name);
    }

    [Fact]
    public async Task Should_answer_resource_exhausted_beyond_the_concurrency_limit_and_its_queue()
    {
        // Given one request at a time and one waiting
        Workspace.Endpoint("blue=100").Deployment("blue", extra: "request_settings:\n  max_concurrent_requests_per_instance: 1\n");
        await using var server = await KestrelServer.StartWithGrpcAsync(Workspace);
        var request = SlowRequest();

        // When thirty-two slow requests arrive together
        var codes = await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            try
            {
                await server.Grpc!.ModelInferAsync(request);
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }));

        // Then
        Assert.Contains(StatusCode.ResourceExhausted, codes);
        Assert.Contains(StatusCode.OK, codes);
        Assert.All(codes, c => Assert.True(c is StatusCode.OK or StatusCode.ResourceExhausted, c.ToString()));
    }

    [Fact]
    public async Task Should_answer_deadline_exceeded_When_scoring_takes_longer_than_request_timeout_ms()
    {
        Workspace.Endpoint("blue=100").Deployment("blue", extra: "request_settings:\n  request_timeout_ms: 1\n");
        await using var server = await KestrelServer.StartWithGrpcAsync(Workspace);

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Grpc!.ModelInferAsync(SlowRequest()).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Contains("request_timeout_ms", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_resource_exhausted_When_the_message_is_larger_than_the_body_limit()
    {
        // Given a 64 KiB limit and a request of 50,000 rows (800 KB)
        Workspace.Endpoint("blue=100").Deployment("blue");
        await using var server = await KestrelServer.StartWithGrpcAsync(Workspace, o => new() { EndpointFolder = o.EndpointFolder, WorkspaceRoot = o.WorkspaceRoot, MaxRequestBodyBytes = 64 * 1024 });

        // When
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Grpc!.ModelInferAsync(SlowRequest()).ResponseAsync);

        // Then, and a request within the limit still works
        Assert.True(error.StatusCode == StatusCode.ResourceExhausted, error.ToString());
        Assert.Single((await server.Grpc!.ModelInferAsync(GrpcRequests.Iris("blue"))).Outputs.Take(1));
    }

    private static ModelInferRequest SlowRequest() => GrpcRequests.Iris("blue", raw: true, [.. Enumerable.Repeat(new[] { 5.1, 3.5, 1.4, 0.2 }, 50_000)]);
}
