namespace RepoML.Core.Artifacts;

/// <summary>
/// Copies objects between two stores, transferring only what the target lacks. Push is
/// <c>CopyMissingAsync(local, remote, …)</c>, pull is <c>CopyMissingAsync(remote, local, …)</c>.
/// Every copied object is verified on the way (read through the source's verifying stream and re-hashed
/// by the target), so a corrupt source object fails the sync instead of spreading.
/// </summary>
public static class StoreSync
{
    /// <summary>Default number of objects transferred at once; remote stores are latency-bound.</summary>
    public const int DefaultParallelism = 4;

    /// <summary>Manifests bigger than this are not expanded (a 64 MiB manifest lists ~500k files).</summary>
    public const int MaxManifestBytes = 64 * 1024 * 1024;

    /// <summary>Copies every object of <paramref name="source"/> that <paramref name="target"/> does not hold.</summary>
    public static async Task<StoreSyncResult> CopyMissingAsync(
        IArtifactStore source, IArtifactStore target, int parallelism = DefaultParallelism, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);

        // One listing per side beats one existence check per object on a remote store.
        var present = new HashSet<Digest>();
        await foreach (var digest in target.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            present.Add(digest);
        }

        var missing = new List<Digest>();
        var alreadyPresent = 0;
        await foreach (var digest in source.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (present.Contains(digest))
            {
                alreadyPresent++;
            }
            else
            {
                missing.Add(digest);
            }
        }

        var copied = await CopyAsync(source, target, missing, parallelism, cancellationToken).ConfigureAwait(false);
        return new StoreSyncResult(copied, alreadyPresent);
    }

    /// <summary>
    /// Copies the given objects that <paramref name="target"/> lacks. A root that is a folder manifest brings
    /// the files it lists, and they are committed before the manifest, so a target holding a manifest
    /// always holds its files.
    /// </summary>
    public static async Task<StoreSyncResult> CopyMissingAsync(
        IArtifactStore source, IArtifactStore target, IEnumerable<Digest> roots,
        int parallelism = DefaultParallelism, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(roots);

        var files = new List<Digest>();
        var manifests = new List<Digest>();
        var seen = new HashSet<Digest>();
        var alreadyPresent = 0;
        foreach (var root in roots)
        {
            if (!seen.Add(root))
            {
                continue;
            }

            var manifest = await TryReadManifestAsync(source, root, cancellationToken).ConfigureAwait(false);
            if (manifest is null)
            {
                files.Add(root);
                continue;
            }

            manifests.Add(root);
            foreach (var entry in manifest.Files)
            {
                if (seen.Add(entry.Digest))
                {
                    files.Add(entry.Digest);
                }
            }
        }

        var copied = new List<Digest>();
        foreach (var batch in new[] { files, manifests })
        {
            var missing = new List<Digest>();
            foreach (var digest in batch)
            {
                if (await target.ExistsAsync(digest, cancellationToken).ConfigureAwait(false))
                {
                    alreadyPresent++;
                }
                else
                {
                    missing.Add(digest);
                }
            }

            copied.AddRange(await CopyAsync(source, target, missing, parallelism, cancellationToken).ConfigureAwait(false));
        }

        return new StoreSyncResult(copied, alreadyPresent);
    }

    /// <summary>Reads <paramref name="digest"/> as a folder manifest, or returns null when it is some other object.</summary>
    public static async Task<ArtifactManifest?> TryReadManifestAsync(
        IArtifactStore store, Digest digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stream = await store.OpenReadAsync(digest, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var head = new byte[ArtifactManifest.SniffLength];
            var headLength = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (!ArtifactManifest.LooksLikeManifest(head.AsSpan(0, headLength)))
            {
                return null;
            }

            using var content = new MemoryStream();
            content.Write(head, 0, headLength);
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (content.Length + read > MaxManifestBytes)
                {
                    throw new InvalidDataException($"Folder manifest {digest} is larger than {MaxManifestBytes} bytes.");
                }

                content.Write(buffer, 0, read);
            }

            // Reaching the end above verified the digest.
            return ArtifactManifest.Parse(content.GetBuffer().AsSpan(0, (int)content.Length));
        }
    }

    private static async Task<IReadOnlyList<Digest>> CopyAsync(
        IArtifactStore source, IArtifactStore target, IReadOnlyList<Digest> digests, int parallelism, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken };
        var copied = new Digest?[digests.Count];
        await Parallel.ForAsync(0, digests.Count, options, async (i, ct) =>
        {
            var expected = digests[i];
            var stream = await source.OpenReadAsync(expected, ct).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var stored = await target.PutStreamAsync(stream, ct).ConfigureAwait(false);
                if (stored != expected)
                {
                    throw new ArtifactCorruptException(expected, stored, source.Location);
                }
            }

            copied[i] = expected;
        }).ConfigureAwait(false);
        return copied.Select(d => d!).ToArray();
    }
}
