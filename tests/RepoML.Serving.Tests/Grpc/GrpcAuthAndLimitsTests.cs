using Grpc.Core;
using RepoML.Serving.Grpc.Protocol;
using RepoML.Serving.Security;

namespace RepoML.Serving.Tests.Grpc;

/// <summary><c>auth_mode: key</c> and the body limit over gRPC, as REST applies them (the <c>request_settings</c> limits:
/// <see cref="Api.LimitsTests"/>).</summary>
public sealed class GrpcAuthAndLimitsTests(BlueGrpcServer blue) : EndpointWorkspaceTests, IClassFixture<BlueGrpcServer>
{
    [Fact]
    public async Task Should_answer_unauthenticated_on_model_rpcs_and_serve_the_secondary_key_When_auth_mode_is_key()
    {
        // Given blue, served over REST and gRPC with key auth
        var server = blue.Server;
        var anonymous = server.GrpcClient(null);
        var wrong = server.GrpcClient("Bearer not-the-key");
        var secondary = server.GrpcClient($"Bearer {server.App.Services.GetRequiredService<ApiKeyStore>().Get(blue.Endpoint).Secondary}");

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
    public async Task Should_answer_resource_exhausted_When_the_message_is_larger_than_the_body_limit()
    {
        // Given a 64 KiB limit and a request of 50,000 rows (800 KB)
        Workspace.Endpoint("blue=100").Deployment("blue");
        await using var server = await KestrelServer.StartWithGrpcAsync(Workspace, o => new() { EndpointFolder = o.EndpointFolder, WorkspaceRoot = o.WorkspaceRoot, MaxRequestBodyBytes = 64 * 1024 });

        // When
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Grpc!.ModelInferAsync(GrpcRequests.ManyIris("blue")).ResponseAsync);

        // Then, and a request within the limit still works
        Assert.True(error.StatusCode == StatusCode.ResourceExhausted, error.ToString());
        Assert.Single((await server.Grpc!.ModelInferAsync(GrpcRequests.Iris("blue"))).Outputs.Take(1));
    }
}
