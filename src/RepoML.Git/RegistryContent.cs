using RepoML.Storage;

namespace RepoML.Git;

/// <summary>
/// Puts a version's files into the artifact store. A version's digest is always a folder manifest, so a model is a
/// logical container of one or more files whatever it was registered from.
/// </summary>
public static class RegistryContent
{
    /// <summary>Stores a folder, or a single file as a one-file folder.</summary>
    public static async Task<StoredContent> StorePathAsync(IArtifactStore store, string path, CancellationToken cancellationToken = default)
    {
        if (Directory.Exists(path))
        {
            return await Manifest(store, await store.BuildManifestAsync(path, cancellationToken).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist", path);
        }

        return await StoreFilesAsync(store, [(Path.GetFileName(path), path)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores files under the relative names given.</summary>
    public static async Task<StoredContent> StoreFilesAsync(IArtifactStore store, IEnumerable<(string Name, string FullPath)> files,
        CancellationToken cancellationToken = default)
    {
        var entries = new List<ArtifactManifestEntry>();
        foreach (var (name, full) in files)
        {
            entries.Add(new ArtifactManifestEntry(name, new FileInfo(full).Length, await store.PutFileAsync(full,
                cancellationToken).ConfigureAwait(false)));
        }

        return await Manifest(store, new ArtifactManifest(entries), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uses an object already in the store (a run output): a manifest as is, a single file wrapped as <paramref name="fileName"/>.</summary>
    public static async Task<StoredContent> FromStoredAsync(IArtifactStore store, Digest digest, string fileName,
        CancellationToken cancellationToken = default)
    {
        if (await StoreSync.TryReadManifestAsync(store, digest, cancellationToken).ConfigureAwait(false) is { } manifest)
        {
            return new StoredContent(digest.ToString(), manifest.TotalSize, manifest.Files.Count);
        }

        long size = 0;
        var stream = await store.OpenReadAsync(digest, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                size += read;
            }
        }

        return await Manifest(store, new ArtifactManifest([new ArtifactManifestEntry(fileName, size, digest)]),
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<StoredContent> Manifest(IArtifactStore store, ArtifactManifest manifest, CancellationToken cancellationToken)
    {
        using var json = new MemoryStream(manifest.ToCanonicalJson(), writable: false);
        var digest = await store.PutStreamAsync(json, cancellationToken).ConfigureAwait(false);
        return new StoredContent(digest.ToString(), manifest.TotalSize, manifest.Files.Count);
    }
}
