using System.Net.Http.Headers;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RepoML.Core.Serving;
using RepoML.Serving.Grpc.Protocol;
using RepoML.Serving.Hosting;
using RepoML.Serving.Security;

namespace RepoML.Tests.Shared;

/// <summary>
/// The RepoML scoring server composed as <c>repoml serve</c> composes it (AddRepoMLServing, MapRepoMLServing, Production,
/// the workspace as content root), on a real Kestrel at 127.0.0.1, with an HttpClient that sends one endpoint's primary key;
/// with <see cref="ServingOptions.GrpcUrl"/> set, also a real gRPC client (Grpc.Net.Client, cleartext HTTP/2) that sends it.
/// </summary>
internal sealed class ScoringServer : IAsyncDisposable
{
    private readonly List<GrpcChannel> channels = [];

    private ScoringServer(WebApplication app, Uri address, string key)
    {
        App = app;
        Address = address;
        Key = key;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        GrpcAddress = app.Services.GetService<GrpcEndpoint>()?.Address;
        Grpc = GrpcAddress is null ? null : GrpcClient($"Bearer {key}");
    }

    public WebApplication App { get; }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The endpoint's primary key.</summary>
    public string Key { get; }

    /// <summary>A client on <see cref="Address"/> that sends the endpoint's primary key as a bearer token.</summary>
    public HttpClient Client { get; }

    /// <summary>Where the server answers gRPC; null when it does not.</summary>
    public Uri? GrpcAddress { get; }

    /// <summary>A gRPC client of the v2 protocol that sends the primary key as <c>authorization</c> metadata; null without gRPC.</summary>
    public GRPCInferenceService.GRPCInferenceServiceClient? Grpc { get; }

    /// <param name="options">What to serve; <see cref="ServingOptions.WorkspaceRoot"/> is also the content root.</param>
    /// <param name="endpoint">The endpoint whose key <see cref="Client"/> sends.</param>
    /// <param name="resolver">Where deployments' models come from; by default overrides and inline paths.</param>
    public static async Task<ScoringServer> StartAsync(ServingOptions options, string endpoint, IDeploymentModelResolver? resolver = null)
    {
        var builder = LoopbackKestrel.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production",
            ContentRootPath = options.WorkspaceRoot });
        builder.AddRepoMLServing(options, resolver);
        var app = builder.Build();
        app.MapRepoMLServing();
        var address = await LoopbackKestrel.StartAsync(app);
        return new ScoringServer(app, address, app.Services.GetRequiredService<ApiKeyStore>().Get(endpoint).Primary);
    }

    /// <summary>Another gRPC client on its own connection, sending <paramref name="authorization"/> (or no such metadata when null).</summary>
    public GRPCInferenceService.GRPCInferenceServiceClient GrpcClient(string? authorization)
    {
        var channel = GrpcChannel.ForAddress(GrpcAddress ?? throw new InvalidOperationException("the server was started without ServingOptions.GrpcUrl"),
            new GrpcChannelOptions { MaxReceiveMessageSize = null, MaxSendMessageSize = null });
        lock (channels)
        {
            channels.Add(channel);
        }

        var invoker = authorization is null ? channel.CreateCallInvoker() : channel.Intercept(metadata =>
        {
            metadata.Add("authorization", authorization);
            return metadata;
        });
        return new GRPCInferenceService.GRPCInferenceServiceClient(invoker);
    }

    /// <summary>The server's <c>/health/ready</c> answer: its deployments and the ones that failed to load.</summary>
    public async Task<System.Text.Json.Nodes.JsonObject> ReadyAsync()
    {
        using var response = await Client.GetAsync("/health/ready");
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(response.Content))!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        await LoopbackKestrel.StopAsync(App);
    }
}
