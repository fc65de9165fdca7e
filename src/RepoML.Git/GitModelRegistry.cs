using RepoML.Core.Lineage;
using RepoML.Storage;

namespace RepoML.Git;

/// <summary>
/// The registry of a Git repository: versions, labels and archive state from the default branch's first-parent
/// history, deployments from the history of <c>endpoints/</c>, files from the artifact store.
/// </summary>
/// <example><code>
/// using var registry = GitModelRegistry.Open(root, new RegistryOpenOptions(Store: ArtifactStoreFactory.Create(null, root)));
/// var v = registry.Resolve("azureml:credit@latest");      // v.Version, v.Digest, v.Record, v.Commit
/// await registry.DownloadAsync("credit:3", "/tmp/credit-3");
/// </code></example>
public sealed class GitModelRegistry : IModelRegistry, IDisposable
{
    private readonly IArtifactStore? store;
    private readonly Lazy<IReadOnlyList<DeploymentUse>> deployments;

    private GitModelRegistry(string root, IGitHistory history, RegistrySnapshot snapshot, IReadOnlyList<HistoryCommit> changes, string? head,
        IArtifactStore? store)
    {
        Root = root;
        History = history;
        Snapshot = snapshot;
        Head = head;
        this.store = store;
        deployments = new(() => DeploymentTimeline.Build(changes, history.ReadBlob, snapshot));
    }

    public string Root { get; }

    public IGitHistory History { get; }

    public RegistrySnapshot Snapshot { get; }

    /// <summary>The checked-out commit; when it differs from <see cref="RegistrySnapshot.Tip"/>, its extra records are pending.</summary>
    public string? Head { get; }

    public bool OnRegistryBranch => Head == Snapshot.Tip;

    /// <summary>Every span of time a deployment file used a version (computed on first use).</summary>
    public IReadOnlyList<DeploymentUse> Deployments => deployments.Value;

    /// <summary>Opens the registry of the repository at <paramref name="root"/>; refuses a shallow clone.</summary>
    public static GitModelRegistry Open(string root, RegistryOpenOptions? options = null)
    {
        options ??= new RegistryOpenOptions();
        var history = GitHistoryFactory.Open(root, options.Backend, options.Cache);
        try
        {
            if (history.IsShallow)
            {
                throw RegistryErrors.Shallow();
            }

            var (branch, tip) = DefaultBranch.Resolve(history, options.Branch);
            var registryPath = options.OnlyKind is { } kind && options.OnlyName is { } name && name.Length > 0 && !name.Contains('/',
                StringComparison.Ordinal)
                ? $"{RegistryPath.Root}/{kind.Folder()}/{name}"
                : RegistryPath.Root;
            var changes = tip is null ? [] : history.FirstParentChanges(tip, [registryPath, DeploymentTimeline.EndpointsFolder]);
            history.Prefetch(changes.SelectMany(c => c.Changes).Where(c
                => c.BlobId is not null && c.Kind == FileChangeKind.Added && c.Path.StartsWith(RegistryPath.Root + "/", StringComparison.Ordinal))
                .Select(c => c.BlobId!).ToHashSet(StringComparer.Ordinal));

            var snapshot = RegistryBuilder.Build(changes, history.ReadBlob, tip, branch);
            return new GitModelRegistry(root, history, snapshot, changes, history.ResolveCommit("HEAD"), options.Store);
        }
        catch
        {
            history.Dispose();
            throw;
        }
    }

    public RegisteredVersion Resolve(string reference, AssetKind kind = AssetKind.Model) => Snapshot.Resolve(kind, reference);

    public async Task<RegisteredVersion> DownloadAsync(
        string reference, string targetFolder, AssetKind kind = AssetKind.Model, bool replaceExisting =
            false, CancellationToken cancellationToken = default)
    {
        // The name passes the one name gate before anything is looked up or written: a hostile name (traversal,
        // bidi or look-alike characters) that history may hold is refused rather than handed out.
        Core.Naming.NameGate.Check(RegistrySnapshot.ParseReference(reference).Name, Core.Naming.NameKind.Asset, $"{kind.Word()} name");
        var version = Resolve(reference, kind);
        var artifacts = store ?? throw new InvalidOperationException("this registry was opened without an artifact store");
        await artifacts.RestoreFolderAsync(Digest.Parse(version.Digest), targetFolder, replaceExisting, cancellationToken).ConfigureAwait(false);
        return version;
    }

    /// <summary>Records the checked-out branch adds on top of the registry branch (registered, not yet merged).</summary>
    public IReadOnlyList<RegistrationRecord> PendingRecords()
    {
        if (Head is null || OnRegistryBranch)
        {
            return [];
        }

        return History.ListFiles(Head, RegistryPath.Root)
            .Select(f => (File: f, Path: RegistryPath.TryParse(f.Path)))
            .Where(f => f.Path is { Type: RegistryFileType.Version } p && Snapshot.Find(p.Kind, p.Name)?.ByKey(p.Item) is null)
            .Select(f => RegistrationRecordJson.Deserialize(History.ReadBlob(f.File.BlobId), f.File.Path))
            .ToArray();
    }

    /// <summary>The lineage of a version, with the code commit's author and message looked up in Git.</summary>
    public LineageReport Lineage(RegisteredVersion version) => LineageReport.Create(Snapshot, version, Deployments, History.GetCommit);

    public void Dispose() => History.Dispose();
}
