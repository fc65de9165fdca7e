using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using RepoML.Serving.Grpc.Protocol;
using RepoML.Serving.Security;

namespace RepoML.Serving.Tests.Grpc;

/// <summary>REST keeps the host's URLs (HTTP/1.1) and gRPC gets its own port (cleartext HTTP/2), as the packaged server is started.</summary>
public sealed class GrpcPortPolicyTests : EndpointWorkspaceTests
{
    [Fact]
    public async Task Should_serve_rest_on_the_urls_and_grpc_on_its_own_port_When_the_server_is_given_urls_as_program_cs_is()
    {
        // Given the server composed as Program.cs composes it, with --urls and RepoML:GrpcUrl
        Workspace.Endpoint("blue=100").Deployment("blue");
        var (restPort, grpcPort) = (FreePort.Pick(), FreePort.Pick());
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = Workspace.Root,
            Args = ["--urls", $"http://127.0.0.1:{restPort}", "--RepoML:Endpoint", Workspace.Folder, "--RepoML:GrpcUrl", $"http://127.0.0.1:{grpcPort}"],
        });
        builder.Logging.ClearProviders();
        var configured = ServingOptions.FromConfiguration(builder.Configuration);
        builder.AddRepoMLServing(new ServingOptions
        {
            EndpointFolder = configured.EndpointFolder, WorkspaceRoot = configured.WorkspaceRoot, GrpcUrl = configured.GrpcUrl, MaxRequestBodyBytes = 1024,
        });
        await using var app = builder.Build();
        app.MapRepoMLServing();
        await app.StartAsync();
        var key = $"Bearer {app.Services.GetRequiredService<ApiKeyStore>().Get(Workspace.Name).Primary}";
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{restPort}/") };
        http.DefaultRequestHeaders.Add("Authorization", key);
        using var grpcChannel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        using var restChannel = GrpcChannel.ForAddress($"http://127.0.0.1:{restPort}");

        // When
        using var ready = await http.GetAsync("/health/ready");
        using var tooLarge = await http.PostAsync("/score", new StringContent(new string(' ', 2048) + "{}", Encoding.UTF8, "application/json"));
        var live = await new GRPCInferenceService.GRPCInferenceServiceClient(grpcChannel).ServerLiveAsync(new ServerLiveRequest());
        var metadata = new Metadata { { "authorization", key } };
        var answer = await new GRPCInferenceService.GRPCInferenceServiceClient(grpcChannel).ModelInferAsync(GrpcRequests.Iris("blue"), metadata);
        var onRestPort = await Assert.ThrowsAsync<RpcException>(() => new GRPCInferenceService.GRPCInferenceServiceClient(restChannel).ServerLiveAsync(new ServerLiveRequest()).ResponseAsync);

        // Then
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpVersion.Version11, ready.Version);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.True(live.Live);
        Assert.Equal("blue", answer.ModelName);
        Assert.Equal($"http://127.0.0.1:{grpcPort}/", app.Services.GetRequiredService<GrpcEndpoint>().Address.ToString());
        Assert.NotEqual(StatusCode.OK, onRestPort.StatusCode);
        await app.StopAsync();
    }
}
