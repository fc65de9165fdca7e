using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RepoML.Core.Serving;
using RepoML.Serving.Hosting;
using RepoML.Serving.Security;

namespace RepoML.Tests.Shared;

/// <summary>
/// The RepoML scoring server composed as <c>repoml serve</c> composes it (AddRepoMLServing, MapRepoMLServing, Production,
/// the workspace as content root), on a real Kestrel at 127.0.0.1, with an HttpClient that sends one endpoint's primary key.
/// </summary>
internal sealed class ScoringServer : IAsyncDisposable
{
    private ScoringServer(WebApplication app, Uri address, string key)
    {
        App = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    public WebApplication App { get; }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Address { get; }

    /// <summary>A client on <see cref="Address"/> that sends the endpoint's primary key as a bearer token.</summary>
    public HttpClient Client { get; }

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

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await LoopbackKestrel.StopAsync(App);
    }
}
