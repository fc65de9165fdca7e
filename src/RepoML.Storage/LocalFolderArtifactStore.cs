namespace RepoML.Storage;

/// <summary>
/// An artifact store in a folder: the workspace's <c>.repoml/store</c> or a team's shared folder.
/// Objects live at <c>objects/ab/cdef…</c>. A put hashes while copying into <c>tmp/</c> under the root and
/// then renames the finished file into <c>objects/</c>, so a killed writer leaves at most a stray temp
/// file, never a partial object. Reads are verified; an object found corrupt is moved to
/// <c>corrupt/</c> so the next put or pull of the same content repairs the store.
/// </summary>
public sealed class LocalFolderArtifactStore : IArtifactStore
{
    /// <summary>The store folder relative to a workspace root when no address is configured.</summary>
    public const string DefaultRelativeRoot = ".repoml/store";

    private const string TempFolder = "tmp";
    private const string CorruptFolder = "corrupt";
    private const string TempSuffix = ".tmp";

    private readonly bool _flushToDisk;
    private readonly TimeProvider _time;

    /// <summary>Opens (and lazily creates) a store rooted at <paramref name="root"/>.</summary>
    /// <param name="root">The store folder; made absolute against the current directory.</param>
    /// <param name="flushToDisk">
    /// Flush each object to the device before it is renamed into place. Off by default: the rename is
    /// already atomic against killed processes; flushing adds power-loss durability at the cost of speed.
    /// </param>
    /// <param name="time">Clock for <see cref="DeleteStaleTemporaryFiles"/>; the system clock by default.</param>
    public LocalFolderArtifactStore(string root, bool flushToDisk = false, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        _flushToDisk = flushToDisk;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The absolute store folder.</summary>
    public string Root { get; }

    /// <inheritdoc />
    public string Location => Root;

    /// <summary>Where the object for <paramref name="digest"/> is (or would be) on disk.</summary>
    public string GetObjectPath(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return Path.Combine(Root, ObjectNames.ObjectsFolder, digest.Hex[..2], digest.Hex[2..]);
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(Digest digest, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(GetObjectPath(digest)));

    /// <inheritdoc />
    public async Task<Digest> PutFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        await using (source.ConfigureAwait(false))
        {
            return await PutCoreAsync(source, source.Length, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task<Digest> PutStreamAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return PutCoreAsync(content, expectedLength: 0, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(Digest digest, CancellationToken cancellationToken = default)
    {
        var raw = OpenObject(digest);
        Stream verified = new DigestVerifyingStream(raw, digest, Root, () => Quarantine(digest));
        return Task.FromResult(verified);
    }

    /// <inheritdoc />
    public async Task GetFileAsync(Digest digest, string destinationPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(destinationPath);
        var raw = OpenObject(digest);
        await using (raw.ConfigureAwait(false))
        {
            await AtomicFile.WriteVerifiedAsync(raw, digest, destinationPath, Root, () => Quarantine(digest), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Digest> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var objects = Path.Combine(Root, ObjectNames.ObjectsFolder);
        if (!Directory.Exists(objects))
        {
            yield break;
        }

        foreach (var shard in Directory.EnumerateDirectories(objects))
        {
            foreach (var file in Directory.EnumerateFiles(shard))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (ObjectNames.FromParts(Path.GetFileName(shard), Path.GetFileName(file)) is { } digest)
                {
                    yield return digest;
                }
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>What <see cref="DeleteOrphanedTemporaryFiles"/> removed when the factory opened this store (count, bytes).</summary>
    public (int Files, long Bytes) CleanedOnOpen { get; internal set; }

    /// <summary>
    /// Deletes temp files whose writer is gone (killed mid-put): a live writer holds its temp file locked (FileShare.None,
    /// an advisory lock the kernel drops with the process) from just after creating it until it is renamed into place, so
    /// only files nobody holds are removed. Returns count and bytes.
    /// </summary>
    public (int Files, long Bytes) DeleteOrphanedTemporaryFiles()
    {
        var temp = Path.Combine(Root, TempFolder);
        if (!Directory.Exists(temp) || IsLink(temp))
        {
            return (0, 0);
        }

        var (files, bytes) = (0, 0L);
        foreach (var file in Directory.EnumerateFiles(temp, "*" + TempSuffix))
        {
            try
            {
                // A writer creates its file an instant before it locks it: an empty file that new is left for later.
                var info = new FileInfo(file);
                if (info.Length == 0 && _time.GetUtcNow().UtcDateTime - info.LastWriteTimeUtc < TimeSpan.FromSeconds(10))
                {
                    continue;
                }

                long length;
                using (var held = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                    length = held.Length;
                }

                File.Delete(file);
                (files, bytes) = (files + 1, bytes + length);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A writer still holds it (or it went meanwhile): leave it.
            }
        }

        return (files, bytes);
    }

    // A tmp folder that is a link points somewhere else: its files are not this store's to delete.
    private static bool IsLink(string folder) => new DirectoryInfo(folder).LinkTarget is not null;

    /// <summary>
    /// Deletes temp files left by killed writers. Only files older than <paramref name="olderThan"/> go,
    /// so a put still running in another process is not disturbed. Returns how many were deleted.
    /// </summary>
    public int DeleteStaleTemporaryFiles(TimeSpan olderThan)
    {
        var temp = Path.Combine(Root, TempFolder);
        if (!Directory.Exists(temp) || IsLink(temp))
        {
            return 0;
        }

        var cutoff = _time.GetUtcNow().UtcDateTime - olderThan;
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(temp, "*" + TempSuffix))
        {
            if (File.GetLastWriteTimeUtc(file) <= cutoff)
            {
                File.Delete(file);
                deleted++;
            }
        }

        return deleted;
    }

    private async Task<Digest> PutCoreAsync(Stream source, long expectedLength, CancellationToken cancellationToken)
    {
        var tempFolder = Path.Combine(Root, TempFolder);
        Directory.CreateDirectory(tempFolder);
        var tempPath = Path.Combine(tempFolder, Guid.NewGuid().ToString("N") + TempSuffix);
        Digest digest;
        try
        {
            var temp = new FileStream(tempPath, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 0,
                PreallocationSize = expectedLength,
            });
            await using (temp.ConfigureAwait(false))
            {
                (digest, _) = await HashingCopier.CopyAsync(source, temp, cancellationToken).ConfigureAwait(false);
                if (_flushToDisk)
                {
                    temp.Flush(flushToDisk: true);
                }

                // Renamed while still open (and so still locked) where the OS allows it: a store opening in another
                // process removes unlocked temp files, and would otherwise take this one between close and rename.
                if (!OperatingSystem.IsWindows())
                {
                    Commit(tempPath, digest);
                    return digest;
                }
            }
        }
        catch
        {
            File.Delete(tempPath);
            throw;
        }

        Commit(tempPath, digest);
        return digest;
    }

    /// <summary>Renames a finished temp file into place; an object already there wins (dedup, concurrent writers).</summary>
    private void Commit(string tempPath, Digest digest)
    {
        var finalPath = GetObjectPath(digest);
        if (File.Exists(finalPath))
        {
            File.Delete(tempPath);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
        try
        {
            File.Move(tempPath, finalPath, overwrite: false);
        }
        catch (IOException) when (File.Exists(finalPath))
        {
            // Another writer committed the same content between our check and our rename.
            File.Delete(tempPath);
        }
    }

    private FileStream OpenObject(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        try
        {
            return new FileStream(GetObjectPath(digest), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ArtifactNotFoundException(digest, Root);
        }
    }

    /// <summary>Moves a corrupt object out of <c>objects/</c> so a later put is not deduplicated against it.</summary>
    private string Quarantine(Digest digest)
    {
        var objectPath = GetObjectPath(digest);
        var quarantined = Path.Combine(Root, CorruptFolder, $"{digest.Hex}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(quarantined)!);
            File.Move(objectPath, quarantined);
            return $"It was moved to {quarantined}; put or pull the artifact again to repair the store.";
        }
        catch (IOException)
        {
            return $"Delete {objectPath}, then put or pull the artifact again to repair the store.";
        }
        catch (UnauthorizedAccessException)
        {
            return $"Delete {objectPath}, then put or pull the artifact again to repair the store.";
        }
    }
}
