using RepoML.Core.Artifacts;

namespace RepoML.Azure;

/// <summary>
/// The workspace's default datastore as RepoML uses it: local files go to <c>LocalUpload/&lt;sha256&gt;/&lt;name&gt;</c>
/// (the layout <c>az ml</c> uses), named by content so an unchanged file is never sent twice, and job outputs come back
/// into an artifact store, each file verified by its digest.
/// </summary>
public abstract class AzureMlDatastore(string name)
{
    public const string UploadFolder = "LocalUpload";

    private readonly List<DatastoreUpload> uploads = [];

    public string Name { get; } = name;

    public IReadOnlyList<DatastoreUpload> Uploads
    {
        get
        {
            lock (uploads)
            {
                return [.. uploads];
            }
        }
    }

    /// <summary>The <c>azureml://datastores/NAME/paths/PATH</c> form jobs and models reference.</summary>
    public string AzureMlUri(string path) => $"azureml://datastores/{Name}/paths/{path}";

    /// <summary>The https address of a path (code assets are referenced this way).</summary>
    public abstract string BlobUri(string path);

    /// <summary>Uploads what is missing of <paramref name="content"/>; returns its datastore path (a folder ends in '/').</summary>
    public async Task<string> UploadAsync(LocalContent content, CancellationToken cancellationToken = default)
    {
        var prefix = $"{UploadFolder}/{content.Digest.Hex}/{content.Name}";
        var files = content.Files.Select(f => (Blob: content.IsFolder ? $"{prefix}/{f.Path}" : prefix, f.LocalPath, f.Size, f.Digest,
            Open: (Func<Task<Stream>>)(() => Task.FromResult<Stream>(File.OpenRead(f.LocalPath)))));
        await PutMissingAsync($"{UploadFolder}/{content.Digest.Hex}/", files, cancellationToken).ConfigureAwait(false);
        return content.IsFolder ? prefix + "/" : prefix;
    }

    /// <summary>Uploads an object (a file, or a folder manifest and its files) of an artifact store under <paramref name="name"/>.</summary>
    public async Task<string> UploadStoredAsync(IArtifactStore store, Digest digest, string name, CancellationToken cancellationToken = default)
    {
        var manifest = await StoreSync.TryReadManifestAsync(store, digest, cancellationToken).ConfigureAwait(false);
        var prefix = $"{UploadFolder}/{digest.Hex}/{name}";
        var entries = manifest?.Files ?? [new ArtifactManifestEntry(name, -1, digest)];
        var files = entries.Select(e => (Blob: manifest is null ? prefix : $"{prefix}/{e.Path}", LocalPath: $"{store.Location} {e.Digest}", e.Size, e.Digest,
            Open: (Func<Task<Stream>>)(() => store.OpenReadAsync(e.Digest, cancellationToken))));
        await PutMissingAsync($"{UploadFolder}/{digest.Hex}/", files, cancellationToken).ConfigureAwait(false);
        return manifest is null ? prefix : prefix + "/";
    }

    /// <summary>
    /// Copies a job output into <paramref name="store"/>: a file as itself, a folder as its files plus a manifest.
    /// Blob names that are not clean relative paths are refused, never written anywhere.
    /// </summary>
    public async Task<Digest> DownloadAsync(string path, bool folder, IArtifactStore store, CancellationToken cancellationToken = default)
    {
        if (!folder)
        {
            await using var single = await OpenAsync(path, cancellationToken).ConfigureAwait(false);
            return await store.PutStreamAsync(single, cancellationToken).ConfigureAwait(false);
        }

        var prefix = path.EndsWith('/') ? path : path + "/";
        var entries = new List<ArtifactManifestEntry>();
        await foreach (var (blob, size) in ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            var relative = blob[prefix.Length..];
            if (relative.Length == 0 || relative.EndsWith('/'))
            {
                continue; // a directory marker of a hierarchical namespace
            }

            if (!ArtifactManifest.IsValidPath(relative, out var why))
            {
                throw new InvalidDataException($"output blob '{blob}' is not a safe relative path ({why})");
            }

            await using var stream = await OpenAsync(blob, cancellationToken).ConfigureAwait(false);
            entries.Add(new ArtifactManifestEntry(relative, size, await store.PutStreamAsync(stream, cancellationToken).ConfigureAwait(false)));
        }

        using var manifest = new MemoryStream(new ArtifactManifest(entries).ToCanonicalJson(), writable: false);
        return await store.PutStreamAsync(manifest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blobs under <paramref name="prefix"/> and the sha256 RepoML recorded on each (null when none).</summary>
    protected abstract Task<IReadOnlyDictionary<string, string?>> ExistingAsync(string prefix, CancellationToken cancellationToken);

    protected abstract Task PutAsync(string blob, Func<Task<Stream>> open, Digest digest, CancellationToken cancellationToken);

    protected abstract IAsyncEnumerable<(string Blob, long Size)> ListAsync(string prefix, CancellationToken cancellationToken);

    protected abstract Task<Stream> OpenAsync(string blob, CancellationToken cancellationToken);

    private async Task PutMissingAsync(
        string prefix, IEnumerable<(string Blob, string LocalPath, long Size, Digest Digest, Func<Task<Stream>> Open)> files, CancellationToken cancellationToken)
    {
        var existing = await ExistingAsync(prefix, cancellationToken).ConfigureAwait(false);
        foreach (var file in files)
        {
            var there = existing.TryGetValue(file.Blob, out var sha) && sha == file.Digest.Hex;
            if (!there)
            {
                await PutAsync(file.Blob, file.Open, file.Digest, cancellationToken).ConfigureAwait(false);
            }

            lock (uploads)
            {
                uploads.Add(new DatastoreUpload(file.LocalPath, AzureMlUri(file.Blob), file.Digest.Hex, file.Size, there));
            }
        }
    }
}
