using RepoML.Core.Lineage;
using RepoML.Core.Profiles;
using RepoML.Core.Site;

namespace RepoML.Workflows.Site;

/// <summary>
/// The work of <c>repoml site</c>: reads the registry, deployments, traffic history and recorded data profiles from Git,
/// builds the pages (pure, in <see cref="SiteModelBuilder"/> and <see cref="SiteRenderer"/>), and writes only the pages
/// whose content changed (<see cref="SiteWriter"/>).
/// </summary>
public static class SiteGeneration
{
    public const string DefaultFolder = "artifacts/site";

    public static SiteResult Build(WorkflowContext context, SiteRequest request)
    {
        var root = context.WorkspaceRoot;
        var folder = request.Out is null ? Path.Combine(root, DefaultFolder) : context.FullPath(request.Out);
        var pages = Pages(context, request, out var versions, out var problems);
        var (written, unchanged, removed) = SiteWriter.Write(folder, pages);
        return new SiteResult(folder, pages.Count, written, unchanged, removed, versions, problems);
    }

    /// <summary>Every page of the site, in memory.</summary>
    public static IReadOnlyList<SitePage> Pages(WorkflowContext context, SiteRequest request, out int versions, out IReadOnlyList<string> problems)
    {
        using var registry = RegistryAccess.Open(context, request.Branch);
        var snapshot = registry.Snapshot;
        var history = snapshot.Tip is null ? [] : registry.History.FirstParentChanges(snapshot.Tip, [RegistryPath.Root, DeploymentTimeline.EndpointsFolder]);
        var commits = history.Select(h => h.Commit).DistinctBy(c => c.Sha).ToDictionary(c => c.Sha, StringComparer.Ordinal);
        var traffic = TrafficHistory.Build(history, registry.History.ReadBlob);
        var input = new SiteInput(
            request.Title ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(registry.Root)) + " registry",
            snapshot,
            registry.Deployments,
            traffic,
            Profiles(registry, snapshot, context),
            sha => commits.GetValueOrDefault(sha))
        {
            Rollout = RolloutHistory.Build(history, traffic),
            Monitoring = SiteSources.Monitoring(registry.Root),
            Environments = SiteSources.Environments(registry),
        };
        var model = SiteModelBuilder.Build(input);
        versions = model.Versions.Count;
        problems = model.Problems;
        return SiteRenderer.Render(model);
    }

    /// <summary>The profiles committed with data versions at the branch tip, by version key; one that does not parse is a warning.</summary>
    private static Dictionary<string, DataProfile> Profiles(GitModelRegistry registry, RegistrySnapshot snapshot, WorkflowContext context)
    {
        var result = new Dictionary<string, DataProfile>(StringComparer.Ordinal);
        if (snapshot.Tip is null || !snapshot.OfKind(AssetKind.Data).Any())
        {
            return result;
        }

        foreach (var file in registry.History.ListFiles(snapshot.Tip, $"{RegistryPath.Root}/{AssetKind.Data.Folder()}"))
        {
            if (ProfilePath.TryParse(file.Path) is { } named && snapshot.Find(AssetKind.Data, named.Name)?.ByKey(named.Key) is not null)
            {
                try
                {
                    result[named.Key] = ProfileJson.Parse(registry.History.ReadBlob(file.BlobId), file.Path);
                }
                catch (DataProfileException e)
                {
                    context.Error.WriteLine($"warning: {e.Message}");
                }
            }
        }

        return result;
    }
}
