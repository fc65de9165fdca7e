using System.Collections.Concurrent;

namespace RepoML.Storage;

/// <summary>
/// Stores a folder as one object: each file becomes an object and an <see cref="ArtifactManifest"/>
/// listing them becomes the folder's object. The same content gives the same manifest digest whatever
/// order the files were written in; empty directories are not kept.
/// </summary>
public static class ArtifactFolders
{
    private static readonly EnumerationOptions AllFiles = new()
    {
        RecurseSubdirectories = true,
        // Dot-files are "hidden" on Unix; they are content too.
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Stores every file under <paramref name="folder"/> and returns the manifest's digest.</summary>
    public static async Task<Digest> PutFolderAsync(this IArtifactStore store, string folder, CancellationToken cancellationToken = default)
    {
        var manifest = await BuildManifestAsync(store, folder, cancellationToken).ConfigureAwait(false);
        using var json = new MemoryStream(manifest.ToCanonicalJson(), writable: false);
        return await store.PutStreamAsync(json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores every file under <paramref name="folder"/> and returns the manifest (not yet stored itself).</summary>
    public static async Task<ArtifactManifest> BuildManifestAsync(this IArtifactStore store, string folder,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Folder '{root}' does not exist.");
        }

        var entries = new ConcurrentBag<ArtifactManifestEntry>();
        var files = Directory.EnumerateFiles(root, "*", AllFiles);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(files, options, async (file, ct) =>
        {
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            var size = new FileInfo(file).Length;
            var digest = await store.PutFileAsync(file, ct).ConfigureAwait(false);
            entries.Add(new ArtifactManifestEntry(relative, size, digest));
        }).ConfigureAwait(false);

        return new ArtifactManifest(entries);
    }

    /// <summary>
    /// Recreates a stored folder at <paramref name="targetFolder"/>. Files are fetched and verified into a
    /// sibling temp folder that is renamed into place at the end, so the target appears whole or not at all.
    /// </summary>
    /// <param name="replaceExisting">Replace a non-empty target; without it, a non-empty target is an error.</param>
    /// <exception cref="InvalidDataException">The digest names an object that is not a folder manifest.</exception>
    public static async Task<ArtifactManifest> RestoreFolderAsync(
        this IArtifactStore store, Digest manifestDigest, string targetFolder, bool replaceExisting =
            false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(targetFolder));
        if (!replaceExisting && Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new IOException($"Cannot restore {manifestDigest} into '{target}': the folder is not empty.");
        }

        var manifest = await StoreSync.TryReadManifestAsync(store, manifestDigest, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"Artifact {manifestDigest} in {store.Location} is not a folder manifest.");

        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(staging);
            var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(manifest.Files, options, async (entry, ct) =>
            {
                // Manifest paths are validated relative paths, so this cannot leave the staging folder.
                var destination = Path.Combine(staging, entry.Path.Replace('/', Path.DirectorySeparatorChar));
                await store.GetFileAsync(entry.Digest, destination, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);

            SwapIntoPlace(staging, target);
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }

        return manifest;
    }

    private static void SwapIntoPlace(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }

        // Move the old folder aside first so the target path is never half old, half new.
        var old = staging + ".old";
        Directory.Move(target, old);
        Directory.Move(staging, target);
        Directory.Delete(old, recursive: true);
    }
}
