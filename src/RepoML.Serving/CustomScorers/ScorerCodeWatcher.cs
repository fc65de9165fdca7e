namespace RepoML.Serving.CustomScorers;

/// <summary>
/// Watches the code of the custom scorers being served, so that saving a scorer's source reloads its deployment as
/// saving the deployment's YAML does. A project's whole code folder is watched, except what
/// <see cref="ScorerFolderDigest"/> leaves out (build output and hidden folders: building must not trigger a rebuild);
/// an assembly is watched as its one file. <see cref="Watch"/> is called after every reload with what is now served.
/// Each change is reported with its path relative to the watched folder.
/// </summary>
public sealed class ScorerCodeWatcher(Action<string> changed) : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, FileSystemWatcher> watchers = new(StringComparer.Ordinal);
    private bool disposed;

    /// <summary>A watcher whose listener only needs to know that something changed.</summary>
    public ScorerCodeWatcher(Action changed)
        : this(_ => changed())
    {
    }

    /// <summary>The folders and files now watched (for logs and tests).</summary>
    public IReadOnlyCollection<string> Watched
    {
        get
        {
            lock (gate)
            {
                return [.. watchers.Keys];
            }
        }
    }

    /// <summary>Watches exactly <paramref name="sources"/>: new ones start, ones no longer served stop.</summary>
    public void Watch(IEnumerable<ScorerSource> sources)
    {
        var wanted = sources.DistinctBy(Target, StringComparer.Ordinal).ToDictionary(Target, StringComparer.Ordinal);
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            foreach (var gone in watchers.Keys.Where(k => !wanted.ContainsKey(k)).ToList())
            {
                watchers.Remove(gone, out var watcher);
                watcher!.Dispose();
            }

            foreach (var (target, source) in wanted.Where(w => !watchers.ContainsKey(w.Key)))
            {
                if (Start(source) is { } watcher)
                {
                    watchers[target] = watcher;
                }
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            foreach (var watcher in watchers.Values)
            {
                watcher.Dispose();
            }

            watchers.Clear();
        }
    }

    /// <summary>Whether a change at <paramref name="relativePath"/> (to the code folder) is to the scorer's source.</summary>
    public static bool IsSource(string relativePath) =>
        relativePath.Split('/', '\\').All(name => !ScorerFolderDigest.IsSkippedFolder(name));

    private static string Target(ScorerSource source) => source.IsProject ? source.CodeFolder : source.Path;

    private FileSystemWatcher? Start(ScorerSource source)
    {
        var folder = source.IsProject ? source.CodeFolder : Path.GetDirectoryName(source.Path)!;
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var watcher = source.IsProject
            ? new FileSystemWatcher(folder) { IncludeSubdirectories = true }
            : new FileSystemWatcher(folder, Path.GetFileName(source.Path));
        watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
        FileSystemEventHandler handler = (_, e) =>
        {
            if (!source.IsProject || IsSource(e.Name ?? ""))
            {
                changed(e.Name ?? "");
            }
        };
        watcher.Changed += handler;
        watcher.Created += handler;
        watcher.Deleted += handler;
        watcher.Renamed += (s, e) => handler(s, e);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
