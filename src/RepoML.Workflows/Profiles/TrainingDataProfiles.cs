using RepoML.Core.Profiles;

namespace RepoML.Workflows.Profiles;

/// <summary>
/// The profiles of the registered data a version was trained on, for <c>models show</c> and <c>lineage</c>: the data
/// versions its run read (<see cref="TrainingDataMatcher"/>) whose profile is committed at the registry branch's tip.
/// </summary>
public static class TrainingDataProfiles
{
    public static IReadOnlyList<TrainingData> Of(WorkflowContext context, GitModelRegistry registry, RegisteredVersion version)
    {
        if (version.Record.Run is not { } run || !run.Assets.Any(a => a.Kind == AssetKind.Data.Word()) || registry.Snapshot.Tip is not { } tip)
        {
            return [];
        }

        var profiles = registry.History.ListFiles(tip, $"{RegistryPath.Root}/{AssetKind.Data.Folder()}")
            .Where(f => ProfilePath.TryParse(f.Path) is not null).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        if (profiles.Count == 0)
        {
            return [];
        }

        // The registry was opened for one model; data versions need the data folder's own history.
        using var data = GitModelRegistry.Open(registry.Root, new RegistryOpenOptions(registry.Snapshot.Branch, OnlyKind: AssetKind.Data));
        return TrainingDataMatcher.Match(run, data.Snapshot.OfKind(AssetKind.Data).SelectMany(a => a.Versions), profiles);
    }
}
