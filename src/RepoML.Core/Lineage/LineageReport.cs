namespace RepoML.Core.Lineage;

/// <summary>
/// The lineage of one version: the commit that registered it (who published it and why), the code commit it was
/// built from, its pipeline run and jobs, the data and environments they used, the version it replaced, and every
/// deployment that has used it.
/// </summary>
public sealed record LineageReport(
    RegisteredVersion Version,
    CommitInfo? SourceCommit,
    RegisteredVersion? Previous,
    RegisteredVersion? Next,
    IReadOnlyList<string> Labels,
    bool Archived,
    IReadOnlyList<DeploymentUse> Deployments)
{
    /// <summary>Gathers a version's lineage from the registry and the deployment timeline.</summary>
    public static LineageReport Create(RegistrySnapshot registry, RegisteredVersion version, IReadOnlyList<DeploymentUse> timeline, Func<string,
        CommitInfo?> commitOf)
    {
        var asset = registry.Find(version.Kind, version.Name)!;
        var labels = asset.Labels().Where(l => l.Value.Key == version.Key).Select(l => l.Key).ToList();
        if (asset.Latest()?.Key == version.Key)
        {
            labels.Insert(0, RegisteredAsset.LatestLabel);
        }

        var source = version.Record.SourceCommit ?? version.Record.Run?.Commit;
        return new LineageReport(
            version,
            source is null ? null : commitOf(source),
            asset.Version(version.Version - 1),
            asset.Version(version.Version + 1),
            labels,
            asset.IsArchived(version),
            timeline.Where(u => u.Version.Kind == version.Kind && u.Version.Name == version.Name && u.Version.Key == version.Key).ToArray());
    }
}
