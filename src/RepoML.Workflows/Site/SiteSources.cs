using RepoML.Core.Site;

namespace RepoML.Workflows.Site;

/// <summary>
/// What the site reads besides the registry and endpoint history: each environment version's spec, conda file and
/// Dockerfile as its registration commit holds them, and the monitors' history files in the working tree
/// (<c>.repoml/monitor/ENDPOINT/MONITOR/history.json</c>; a monitor without one shows nothing).
/// </summary>
public static class SiteSources
{
    public const string MonitorFolder = ".repoml/monitor";

    public static Dictionary<string, EnvironmentFiles> Environments(GitModelRegistry registry)
    {
        var result = new Dictionary<string, EnvironmentFiles>(StringComparer.Ordinal);
        foreach (var version in registry.Snapshot.OfKind(AssetKind.Environment).SelectMany(a => a.Versions))
        {
            if (version.Record.Spec is { } spec && EnvironmentFiles.Read(spec, path => Read(registry, version.Commit.Sha, path)) is { } files)
            {
                result[version.Key] = files;
            }
        }

        return result;
    }

    public static IReadOnlyList<MonitorPoint> Monitoring(string root)
    {
        var folder = Path.Combine(root, MonitorFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var points = new List<MonitorPoint>();
        foreach (var endpoint in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            foreach (var monitor in Directory.EnumerateDirectories(endpoint).Order(StringComparer.Ordinal))
            {
                var file = Path.Combine(monitor, "history.json");
                if (File.Exists(file))
                {
                    points.AddRange(MonitorHistory.Parse(Path.GetFileName(endpoint), Path.GetFileName(monitor), File.ReadAllText(file)));
                }
            }
        }

        return points;
    }

    private static string? Read(GitModelRegistry registry, string commit, string path) =>
        registry.History.ListFiles(commit, path).FirstOrDefault(f => f.Path == path) is { } file ? registry.History.ReadBlob(file.BlobId) : null;
}
