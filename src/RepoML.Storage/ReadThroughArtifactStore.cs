namespace RepoML.Storage;

/// <summary>
/// A store that reads through to a second, read-only store: an object missing from <see cref="Primary"/> is read from
/// <c>fallback</c> (verified against its digest like any read) and is not copied into the primary, so a read never needs
/// write access to a team store. Writes and listings touch only the primary. The workspace uses it for the objects a
/// registration committed to Git (<see cref="CommittedArtifactStore"/>), so a fresh clone can serve and compare registered
/// versions that were trained on another machine.
/// </summary>
public sealed class ReadThroughArtifactStore(IArtifactStore primary, IArtifactStore fallback) : IArtifactStore
{
    /// <summary>The store written to and read first.</summary>
    public IArtifactStore Primary => primary;

    /// <inheritdoc />
    public string Location => primary.Location;

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(Digest digest, CancellationToken cancellationToken = default) =>
        await primary.ExistsAsync(digest, cancellationToken).ConfigureAwait(false)
            || await fallback.ExistsAsync(digest, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public Task<Digest> PutFileAsync(string path, CancellationToken cancellationToken = default) => primary.PutFileAsync(path, cancellationToken);

    /// <inheritdoc />
    public Task<Digest> PutStreamAsync(Stream content, CancellationToken cancellationToken = default) =>
        primary.PutStreamAsync(content, cancellationToken);

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(Digest digest, CancellationToken cancellationToken = default) =>
        await (await ReaderOf(digest, cancellationToken).ConfigureAwait(false)).OpenReadAsync(digest, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task GetFileAsync(Digest digest, string destinationPath, CancellationToken cancellationToken = default) =>
        await (await ReaderOf(digest, cancellationToken).ConfigureAwait(false)).GetFileAsync(digest, destinationPath, cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc />
    public IAsyncEnumerable<Digest> ListAsync(CancellationToken cancellationToken = default) => primary.ListAsync(cancellationToken);

    // The primary unless only the fallback holds the object; an object neither holds is reported by the primary.
    private async Task<IArtifactStore> ReaderOf(Digest digest, CancellationToken cancellationToken) =>
        !await primary.ExistsAsync(digest, cancellationToken).ConfigureAwait(false)
            && await fallback.ExistsAsync(digest, cancellationToken).ConfigureAwait(false)
            ? fallback
            : primary;
}
