namespace RepoML.Storage;

/// <summary>
/// The objects a registration committed to Git (<c>registry/store/objects/ab/cdef…</c>, see
/// <see cref="ArtifactStoreFactory.CommittedRelativeRoot"/>), read as a store that the repository's history owns: read-only,
/// never quarantining or rewriting a tracked file, following no symlink (an object or folder on the way that is a link, or that
/// is not a plain file of at most <see cref="MaxBytes"/>, is treated as absent), and verified against its digest on every read.
/// </summary>
public sealed class CommittedArtifactStore(string workspaceRoot) : IArtifactStore
{
    /// <summary>The most one version may weigh to be committed, and the most one committed object may weigh to be read.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    private readonly string _workspaceRoot = Path.GetFullPath(workspaceRoot);

    /// <summary>The committed store's folder.</summary>
    public string Root => Path.Combine(_workspaceRoot, ArtifactStoreFactory.CommittedRelativeRoot);

    /// <inheritdoc />
    public string Location => Root;

    /// <inheritdoc />
    public Task<bool> ExistsAsync(Digest digest, CancellationToken cancellationToken = default) => Task.FromResult(Find(digest) is not null);

    /// <inheritdoc />
    public Task<Digest> PutFileAsync(string path, CancellationToken cancellationToken = default) => throw ReadOnly();

    /// <inheritdoc />
    public Task<Digest> PutStreamAsync(Stream content, CancellationToken cancellationToken = default) => throw ReadOnly();

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(Digest digest, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream>(new DigestVerifyingStream(Open(digest), digest, Root));

    /// <inheritdoc />
    public async Task GetFileAsync(Digest digest, string destinationPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(destinationPath);
        var raw = Open(digest);
        await using (raw.ConfigureAwait(false))
        {
            await AtomicFile.WriteVerifiedAsync(raw, digest, destinationPath, Root, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Digest> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break; // not listed: sync and verify are about a store's own objects
    }

    private FileStream Open(Digest digest) =>
        new(Find(digest) ?? throw new ArtifactNotFoundException(digest, Root), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0,
            FileOptions.SequentialScan);

    /// <summary>The object's path when every step from the workspace root to it is a real folder or file, none a link.</summary>
    private string? Find(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var path = _workspaceRoot;
        var steps = $"{ArtifactStoreFactory.CommittedRelativeRoot}/{ObjectNames.Relative(digest)}".Split('/');
        for (var i = 0; i < steps.Length - 1; i++)
        {
            path = Path.Combine(path, steps[i]);
            var folder = new DirectoryInfo(path);
            if (!folder.Exists || folder.LinkTarget is not null)
            {
                return null;
            }
        }

        var file = new FileInfo(Path.Combine(path, steps[^1]));
        return file.Exists && file.LinkTarget is null && file.Length <= MaxBytes ? file.FullName : null;
    }

    private static NotSupportedException ReadOnly() =>
        new($"the objects committed under {ArtifactStoreFactory.CommittedRelativeRoot} are written only by repoml register --commit-files");
}
