using Microsoft.Extensions.Hosting;

namespace RepoML.Serving.Hosting;

/// <summary>
/// Loads the endpoint when the host starts (a broken endpoint stops the start), then watches its YAML files, and the
/// code of its custom scorers, and re-applies them after a quiet period: traffic and mirror changes take effect at
/// once, added or changed deployments are loaded, removed ones are retired once their in-flight requests finish.
/// It also watches the workspace's Git branches: a registration or a label move is a commit, after which the models that
/// <c>azureml:</c> references resolve to are resolved again (a committed promotion step applies without a restart).
/// </summary>
public sealed class EndpointLifecycle(EndpointHost host, ILogger<EndpointLifecycle> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private bool disposed;
    private FileSystemWatcher? watcher;
    private FileSystemWatcher[] refsWatchers = [];
    private ScorerCodeWatcher? codeWatcher;
    private Timer? debounce;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await host.ReloadAsync(cancellationToken);
        if (!host.Options.WatchFiles)
        {
            return;
        }

        debounce = new Timer(_ => _ = ReloadQuietlyAsync(), null, Timeout.Infinite, Timeout.Infinite);
        codeWatcher = new ScorerCodeWatcher(() => debounce.Change(host.Options.ReloadDebounce, Timeout.InfiniteTimeSpan));
        codeWatcher.Watch(host.State?.ScorerSources ?? []);
        watcher = new FileSystemWatcher(host.Options.EndpointFolder) { IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        FileSystemEventHandler changed = (_, e) =>
        {
            if (e.Name is { } n && (n.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".yaml",
                StringComparison.OrdinalIgnoreCase)))
            {
                debounce.Change(host.Options.ReloadDebounce, Timeout.InfiniteTimeSpan);
            }
        };
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (s, e) => changed(s, e);
        watcher.EnableRaisingEvents = true;
        refsWatchers = WatchGitRefs(host.Options.WorkspaceRoot, () => debounce.Change(host.Options.ReloadDebounce, Timeout.InfiniteTimeSpan));
    }

    /// <summary>Branch tips: loose refs under .git/refs/heads, and packed refs and HEAD in .git; none without a .git folder.</summary>
    private static FileSystemWatcher[] WatchGitRefs(string root, Action changed)
    {
        var git = Path.Combine(root, ".git");
        var heads = Path.Combine(git, "refs", "heads");
        if (!Directory.Exists(heads))
        {
            return [];
        }

        FileSystemWatcher[] watchers = [new(git) { IncludeSubdirectories = false }, new(heads) { IncludeSubdirectories = true }];
        foreach (var refs in watchers)
        {
            refs.NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite;
            var inHeads = refs.Path == heads;
            FileSystemEventHandler handler = (_, e) =>
            {
                // Git writes NAME.lock and renames it over NAME.
                if (e.Name is { } n && !n.EndsWith(".lock", StringComparison.Ordinal) && (inHeads || n is "HEAD" or "packed-refs"))
                {
                    changed();
                }
            };
            refs.Changed += handler;
            refs.Created += handler;
            refs.Renamed += (s, e) => handler(s, e);
            refs.EnableRaisingEvents = true;
        }

        return watchers;
    }

    /// <remarks>
    /// May come twice, the second time after <see cref="Dispose"/>: under WebApplicationFactory both the test host and
    /// the application's own run stop the hosted services, and the application may dispose them in between.
    /// </remarks>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (disposed)
            {
                return Task.CompletedTask;
            }

            stopping.Cancel();
            if (watcher is not null)
            {
                watcher.EnableRaisingEvents = false;
            }

            foreach (var refs in refsWatchers)
            {
                refs.EnableRaisingEvents = false;
            }
        }

        codeWatcher?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
        }

        watcher?.Dispose();
        foreach (var refs in refsWatchers)
        {
            refs.Dispose();
        }

        codeWatcher?.Dispose();
        debounce?.Dispose();
        stopping.Dispose();
    }

    private async Task ReloadQuietlyAsync()
    {
        try
        {
            var state = await host.ReloadAsync(stopping.Token);
            codeWatcher?.Watch(state.ScorerSources);
        }
        catch (EndpointLoadException)
        {
            // Already logged by the host; the previous state keeps serving.
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "reloading the endpoint failed; the previous state keeps serving");
        }
    }
}
