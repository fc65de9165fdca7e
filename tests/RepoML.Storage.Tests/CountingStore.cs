namespace RepoML.Storage.Tests;

/// <summary>Wraps a real store and records which objects were written or read through it.</summary>
internal sealed class CountingStore(IArtifactStore inner) : IArtifactStore
{
    public List<Digest> Written { get; } = [];

    public List<Digest> Opened { get; } = [];

    public string Location => inner.Location;

    public Task<bool> ExistsAsync(Digest digest, CancellationToken cancellationToken = default) => inner.ExistsAsync(digest, cancellationToken);

    public async Task<Digest> PutFileAsync(string path, CancellationToken cancellationToken = default) =>
        Record(await inner.PutFileAsync(path, cancellationToken));

    public async Task<Digest> PutStreamAsync(Stream content, CancellationToken cancellationToken = default) =>
        Record(await inner.PutStreamAsync(content, cancellationToken));

    public Task<Stream> OpenReadAsync(Digest digest, CancellationToken cancellationToken = default)
    {
        lock (Opened)
        {
            Opened.Add(digest);
        }

        return inner.OpenReadAsync(digest, cancellationToken);
    }

    public Task GetFileAsync(Digest digest, string destinationPath, CancellationToken cancellationToken = default) =>
        inner.GetFileAsync(digest, destinationPath, cancellationToken);

    public IAsyncEnumerable<Digest> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);

    private Digest Record(Digest digest)
    {
        lock (Written)
        {
            Written.Add(digest);
        }

        return digest;
    }
}
