namespace RepoML.Storage;

/// <summary>
/// A store that reads through to a second, read-only store: objects missing from <see cref="Primary"/> are copied in from
/// <see cref="Fallback"/> (verified against their digest on the way) before they are read. Writes and listings touch only the
/// primary. The workspace uses it for the objects a registration committed to Git (<c>registry/store</c>), so a fresh clone
/// can serve and compare registered versions that were trained on another machine.
/// </summary>
public sealed class ReadThroughArtifactStore(IArtifactStore primary, IArtifactStore fallback) : IArtifactStore
{
    /// <summary>The store written to and read from.</summary>
    public IArtifactStore Primary => primary;

    /// <summary>The read-only store missing objects are copied from.</summary>
    public IArtifactStore Fallback => fallback;

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
    public async Task<Stream> OpenReadAsync(Digest digest, CancellationToken cancellationToken = default)
    {
        await FetchMissingAsync(digest, cancellationToken).ConfigureAwait(false);
        return await primary.OpenReadAsync(digest, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task GetFileAsync(Digest digest, string destinationPath, CancellationToken cancellationToken = default)
    {
        await FetchMissingAsync(digest, cancellationToken).ConfigureAwait(false);
        await primary.GetFileAsync(digest, destinationPath, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Digest> ListAsync(CancellationToken cancellationToken = default) => primary.ListAsync(cancellationToken);

    /// <summary>Copies one object the primary lacks from the fallback; content that does not hash to its name is refused.</summary>
    private async Task FetchMissingAsync(Digest digest, CancellationToken cancellationToken)
    {
        if (await primary.ExistsAsync(digest, cancellationToken).ConfigureAwait(false)
            || !await fallback.ExistsAsync(digest, cancellationToken).ConfigureAwait(false))
        {
            return; // the primary's own read reports an object neither holds
        }

        Digest stored;
        await using (var source = await fallback.OpenReadAsync(digest, cancellationToken).ConfigureAwait(false))
        {
            stored = await primary.PutStreamAsync(source, cancellationToken).ConfigureAwait(false);
        }

        if (stored != digest)
        {
            throw new ArtifactCorruptException(digest, stored, fallback.Location, "it was not copied");
        }
    }
}
