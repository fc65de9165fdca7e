namespace RepoML.Workflows.Pipelines;

/// <summary>
/// The work of <c>repoml store push|pull|verify</c>: shares the step cache with a team store (a shared folder or Azure Blob
/// Storage) by copying only what the other side lacks, and re-hashes every local object.
/// </summary>
public static class StoreSharing
{
    public const string RemoteVariable = "REPOML_REMOTE_STORE";

    /// <param name="remoteAddress">null: <see cref="RemoteVariable"/>.</param>
    public static async Task<StoreSyncOutcome> SyncAsync(WorkflowContext context, string? remoteAddress, bool toRemote,
        CancellationToken cancellation)
    {
        var address = remoteAddress ?? context.GetEnvironmentVariable(RemoteVariable)
            ?? throw WorkflowException.Usage($"name the remote store, or set {RemoteVariable}");
        var root = context.WorkspaceRoot;
        var local = (ArtifactStoreFactory.Create(null, root, context.GetEnvironmentVariable), ArtifactStoreFactory.CreateCacheEntries(null, root,
            context.GetEnvironmentVariable));
        var remote = (ArtifactStoreFactory.Create(address, root, context.GetEnvironmentVariable),
            ArtifactStoreFactory.CreateCacheEntries(address, root, context.GetEnvironmentVariable));
        var (source, target) = toRemote ? (local, remote) : (remote, local);

        // Objects first: an entry is only useful where the outputs it names exist.
        var objects = await StoreSync.CopyMissingAsync(source.Item1, target.Item1, cancellationToken: cancellation);
        var entries = 0;
        await foreach (var key in source.Item2.ListAsync(cancellation))
        {
            if (await target.Item2.ReadAsync(key, cancellation) is null && await source.Item2.ReadAsync(key, cancellation) is { } json
                && await target.Item2.TryAddAsync(key, json, cancellation))
            {
                entries++;
            }
        }

        return new StoreSyncOutcome(source.Item1.Location, target.Item1.Location, objects.Copied.Count, objects.AlreadyPresent, entries);
    }

    /// <summary>Reads every object of the local store back through its digest check; each corrupt one is reported (and quarantined).</summary>
    /// <returns>How many objects were sound and how many corrupt.</returns>
    public static async Task<(int Good, int Bad)> VerifyAsync(WorkflowContext context, CancellationToken cancellation)
    {
        // Only the workspace's own objects: those committed to Git are checked when they are read through.
        var opened = ArtifactStoreFactory.Create(null, context.WorkspaceRoot, context.GetEnvironmentVariable);
        var store = opened is ReadThroughArtifactStore through ? through.Primary : opened;
        if (store is LocalFolderArtifactStore { CleanedOnOpen: { Files: > 0 } cleaned })
        {
            context.Error.WriteLine($"note: removed {cleaned.Files} temp file(s) ({cleaned.Bytes:N0} bytes) left in {Path.Combine(
                ((LocalFolderArtifactStore)store).Root, "tmp")} by interrupted writes");
        }

        var (good, bad) = (0, 0);
        await foreach (var digest in store.ListAsync(cancellation))
        {
            try
            {
                await using var stream = await store.OpenReadAsync(digest, cancellation);
                await stream.CopyToAsync(Stream.Null, cancellation);
                good++;
            }
            catch (ArtifactCorruptException ex)
            {
                bad++;
                context.Error.WriteLine($"error: {ex.Message}");
            }
        }

        return (good, bad);
    }
}

/// <summary>What a push or pull copied: objects and cache entries the target lacked, and the objects it already had.</summary>
public sealed record StoreSyncOutcome(string From, string To, int CopiedObjects, int AlreadyPresent, int CopiedEntries);
