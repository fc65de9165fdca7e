namespace RepoML.Git;

/// <summary>
/// How to open a <see cref="GitModelRegistry"/>: the registry branch, the history reader, the artifact store, and
/// optionally one asset to read: an asset's versions depend only on its own records, so queries about one name
/// (show, lineage, download) read only its folder's history, much less than the whole registry's. First-parent
/// histories are cached in the git dir unless <c>Cache</c> is false (see <see cref="CachingGitHistory"/>).
/// </summary>
public sealed record RegistryOpenOptions(
    string? Branch = null, GitBackend? Backend = null, IArtifactStore? Store = null, AssetKind? OnlyKind = null, string? OnlyName =
        null, bool? Cache = null);
