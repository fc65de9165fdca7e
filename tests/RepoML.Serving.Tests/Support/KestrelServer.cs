using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RepoML.Serving.Hosting;
using RepoML.Serving.Security;

namespace RepoML.Serving.Tests.Support;

/// <summary>The scoring server on a real Kestrel, 127.0.0.1 and a free port, with an HttpClient that sends the endpoint key.</summary>
internal sealed class KestrelServer : IAsyncDisposable
{
    private KestrelServer(WebApplication app, Uri address, string key)
    {
        App = app;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<KestrelServer> StartAsync(EndpointWorkspace workspace, Func<ServingOptions, ServingOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = workspace.Root });
        builder.Logging.ClearProviders();
        var options = new ServingOptions { EndpointFolder = workspace.Folder, WorkspaceRoot = workspace.Root, ReloadDebounce = TimeSpan.FromMilliseconds(100) };
        builder.AddRepoMLServing(configure?.Invoke(options) ?? options);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapRepoMLServing();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var key = app.Services.GetRequiredService<ApiKeyStore>().Get(workspace.Name).Primary;
        return new KestrelServer(app, new Uri(address), key);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
