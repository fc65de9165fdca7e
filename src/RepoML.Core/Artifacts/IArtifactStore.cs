namespace RepoML.Core.Artifacts;

/// <summary>
/// A content-addressed object store: every object is named by the sha256 <see cref="Digest"/> of its
/// bytes. Implementations write atomically (an object is either absent or complete), never rewrite an
/// object that exists, and verify content against the digest whenever it is read.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Where the store lives, for messages (a folder path or an <c>azureblob://</c> address).</summary>
    string Location { get; }

    /// <summary>True when the store holds an object for <paramref name="digest"/>.</summary>
    Task<bool> ExistsAsync(Digest digest, CancellationToken cancellationToken = default);

    /// <summary>Stores a file's content and returns its digest; an object already present is not rewritten.</summary>
    Task<Digest> PutFileAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Stores everything read from <paramref name="content"/> (to its end) and returns its digest.</summary>
    Task<Digest> PutStreamAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens an object for reading. The stream hashes what it returns and, on reaching the end, throws
    /// <see cref="ArtifactCorruptException"/> if the content does not match <paramref name="digest"/>;
    /// a caller that must not act on bad data reads to the end before using it.
    /// </summary>
    /// <exception cref="ArtifactNotFoundException">The store holds no such object.</exception>
    Task<Stream> OpenReadAsync(Digest digest, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes an object to <paramref name="destinationPath"/> atomically: the file appears complete and
    /// verified, or not at all (an existing file there is replaced only on success).
    /// </summary>
    /// <exception cref="ArtifactNotFoundException">The store holds no such object.</exception>
    /// <exception cref="ArtifactCorruptException">The stored content does not match the digest.</exception>
    Task GetFileAsync(Digest digest, string destinationPath, CancellationToken cancellationToken = default);

    /// <summary>Every object in the store, in no particular order.</summary>
    IAsyncEnumerable<Digest> ListAsync(CancellationToken cancellationToken = default);
}
