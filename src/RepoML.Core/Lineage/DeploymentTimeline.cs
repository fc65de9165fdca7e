namespace RepoML.Core.Lineage;

/// <summary>
/// Replays the first-parent history of <c>endpoints/</c> deployment files together with the registry's events, so
/// <c>azureml:credit@latest</c> resolves to the version that was latest at each commit, and records which version
/// every deployment used from when until when.
/// </summary>
public static class DeploymentTimeline
{
    /// <summary>The folder whose history holds deployments.</summary>
    public const string EndpointsFolder = "endpoints";

    private static readonly SpecKind[] DeploymentKinds =
        [SpecKind.ManagedOnlineDeployment, SpecKind.KubernetesOnlineDeployment, SpecKind.BatchDeployment];

    /// <param name="history">First-parent history that includes the endpoints folder, numbered like the registry's.</param>
    public static IReadOnlyList<DeploymentUse> Build(IReadOnlyList<HistoryCommit> history, Func<string, string> readBlob, RegistrySnapshot registry)
    {
        var commits = history.ToDictionary(h => h.Position);
        var positions = new SortedSet<int>(history.Where(h => h.Changes.Any(c => IsDeploymentPath(c.Path))).Select(h => h.Position));
        if (positions.Count == 0)
        {
            return [];
        }

        var files = new Dictionary<string, (string Endpoint, string Deployment, AssetKind Kind, AssetReference Reference,
            string Text)[]>(StringComparer.Ordinal);
        var open = new Dictionary<(string File, AssetKind Kind), DeploymentUse>();
        var result = new List<DeploymentUse>();

        // Parse each deployment file version once, then add the positions where a resolution may change: every
        // event of an asset some deployment names (not of every asset: most never appear in endpoints/).
        var blobs = history.SelectMany(h => h.Changes).Where(c => IsDeploymentPath(c.Path) && c.BlobId is not null)
            .GroupBy(c => c.BlobId!).ToDictionary(g => g.Key, g => Parse(g.First().Path, readBlob(g.Key)));
        var named = blobs.Values.SelectMany(u => u).Select(u => (u.Kind, u.Reference.Name)).ToHashSet();
        var first = positions.Min;
        positions.UnionWith(registry.Assets.Where(a => named.Contains((a.Kind, a.Name))).SelectMany(a => a.Events).Select(e
            => e.Position).Where(p => p >= first));

        foreach (var position in positions)
        {
            if (commits.TryGetValue(position, out var commit))
            {
                foreach (var change in commit.Changes.Where(c => IsDeploymentPath(c.Path)))
                {
                    files.Remove(change.Path);
                    if (change.BlobId is not null && blobs[change.BlobId] is { Length: > 0 } uses)
                    {
                        files[change.Path] = uses;
                    }
                }
            }

            var at = commit!.Commit;
            var seen = new HashSet<(string, AssetKind)>();
            foreach (var (path, uses) in files)
            {
                foreach (var use in uses)
                {
                    var version = registry.TryResolve(use.Kind, use.Reference, position, out _);
                    var slot = (path, use.Kind);
                    seen.Add(slot);
                    if (open.TryGetValue(slot, out var current) && (version is null || current.Version.Key != version.Key
                        || current.Reference != use.Text))
                    {
                        result.Add(current with { Until = at, UntilPosition = position });
                        open.Remove(slot);
                    }

                    if (version is not null && !open.ContainsKey(slot))
                    {
                        open[slot] = new DeploymentUse(use.Endpoint, use.Deployment, path, use.Text, version, at, position, null);
                    }
                }
            }

            foreach (var gone in open.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                result.Add(open[gone] with { Until = at, UntilPosition = position });
                open.Remove(gone);
            }
        }

        result.AddRange(open.Values);
        return result.OrderBy(u => u.SincePosition).ThenBy(u => u.File, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Uses active at the tip (the deployments that would block archiving a version).</summary>
    public static IEnumerable<DeploymentUse> Active(IEnumerable<DeploymentUse> uses) => uses.Where(u => u.Active);

    private static bool IsDeploymentPath(string path) =>
        path.StartsWith(EndpointsFolder + "/", StringComparison.Ordinal) && WorkspacePaths.IsYaml(path);

    private static (string Endpoint, string Deployment, AssetKind Kind, AssetReference Reference, string Text)[] Parse(string path, string text)
    {
        var spec = SpecFileLoader.Load(path, FileText.Of(text));
        if (spec.Root is null || spec.Kind is not { } kind || !DeploymentKinds.Contains(kind))
        {
            return [];
        }

        var endpoint = spec.Root.GetString("endpoint_name") ?? WorkspacePaths.FileName(WorkspacePaths.Directory(path));
        var deployment = spec.Name ?? Path.GetFileNameWithoutExtension(path);
        var result = new List<(string, string, AssetKind, AssetReference, string)>();
        foreach (var (key, assetKind) in new[] { ("model", AssetKind.Model), ("environment", AssetKind.Environment) })
        {
            if (spec.Root.GetString(key) is { } value && !AssetReference.IsExternal(value) && AssetReference.TryParse(value) is { } reference)
            {
                result.Add((endpoint, deployment, assetKind, reference, value));
            }
        }

        return result.ToArray();
    }
}
