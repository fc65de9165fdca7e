using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using RepoML.Serving.Hosting;

namespace RepoML.Cli.Tests.Rollout;

/// <summary>The scoring server on a real Kestrel at 127.0.0.1, serving endpoints/credit of a workspace with models from its registry
/// through the resolver `repoml serve` uses.</summary>
internal sealed class LiveEndpoint : IAsyncDisposable
{
    private readonly ScoringServer server;

    private LiveEndpoint(ScoringServer server) => this.server = server;

    public Uri Address => server.Address;

    public string MetricsUrl => new Uri(Address, "/metrics").ToString();

    /// <param name="watch">False: the server applies file and registry changes only when <see cref="ReloadAsync"/> asks.</param>
    public static async Task<LiveEndpoint> StartAsync(string root, bool watch = true)
    {
        var options = new ServingOptions { EndpointFolder = Path.Combine(root, "endpoints", "credit"), WorkspaceRoot = root,
            ReloadDebounce = TimeSpan.FromMilliseconds(100), WatchFiles = watch };
        return new LiveEndpoint(await ScoringServer.StartAsync(options, "credit", RepoML.Workflows.Serving.ServingResolvers.Create(new RepoML.Workflows.WorkflowContext(TextWriter.Null,
            TextWriter.Null, root, _ => null, TimeProvider.System), root, new Dictionary<string, string>())));
    }

    /// <summary>How many reloads of the server had <paramref name="outcome"/> (applied, failed, rejected).</summary>
    public async Task<int> ReloadsAsync(string outcome = "applied")
    {
        var text = await server.Client.GetStringAsync("/metrics");
        return (int)MetricsText.Value(text, $"repoml_endpoint_reloads_total{{outcome=\"{outcome}\"}}");
    }

    /// <summary>The server's /metrics text.</summary>
    public Task<string> MetricsAsync() => server.Client.GetStringAsync("/metrics");

    /// <summary>Asks the server to apply the files now, as its watcher would.</summary>
    public Task<LoadedEndpoint> ReloadAsync() => server.App.Services.GetRequiredService<EndpointHost>().ReloadAsync(CancellationToken.None);

    /// <summary>GET a JSON document (with the endpoint's key), whatever the status.</summary>
    public async Task<JsonObject> JsonAsync(string path)
    {
        using var response = await server.Client.GetAsync(path);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>Waits until the server applied the files once more than <paramref name="before"/>.</summary>
    public async Task WaitForReloadAsync(int before)
    {
        Assert.True(await Eventually.TrueAsync(async () => await ReloadsAsync() > before, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50)),
            "the server did not reload the endpoint files");
    }

    /// <summary>Sends iris rows: <paramref name="split"/> through the traffic split, <paramref name="pinned"/> to one deployment.</summary>
    public async Task<IReadOnlyList<(int Status, string? Deployment)>> ScoreAsync(int split, int pinned = 0, string? deployment = null)
    {
        var results = new List<(int, string?)>();
        for (var i = 0; i < split + pinned; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/score") { Content = JsonContent.Create(Row(i)) };
            if (i >= split && deployment is not null)
            {
                request.Headers.Add("azureml-model-deployment", deployment);
            }

            using var response = await server.Client.SendAsync(request);
            results.Add(((int)response.StatusCode, response.Headers.TryGetValues("azureml-model-deployment", out var v) ? v.Single() : null));
        }

        return results;
    }

    private static JsonObject Row(int i) => new()
    {
        ["input_data"] = new JsonObject
        {
            ["columns"] = new JsonArray("sepal_length", "sepal_width", "petal_length", "petal_width"),
            ["index"] = new JsonArray(0),
            ["data"] = new JsonArray(new JsonArray(5.1 + (i % 5 * 0.1), 3.5, 1.4, 0.2)),
        },
    };

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
