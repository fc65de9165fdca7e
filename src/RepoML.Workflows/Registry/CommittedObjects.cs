namespace RepoML.Workflows.Registry;

/// <summary>
/// <c>repoml register --commit-files</c>: copies a version's objects into the workspace's committed store
/// (<see cref="ArtifactStoreFactory.CommittedRelativeRoot"/>) so that its registration commit carries them. Every store the
/// workspace opens reads through to that folder, so a clone on any machine can serve, compare and package the version without a
/// team store (retraining elsewhere need not reproduce the same bytes). Meant for small models; larger ones belong in a team store.
/// </summary>
public static class CommittedObjects
{
    /// <summary>Refuses a version too heavy to travel in Git (checked before a dry run answers, too).</summary>
    public static void CheckSize(StoredContent content)
    {
        if (content.Size > CommittedArtifactStore.MaxBytes)
        {
            throw WorkflowException.Usage($"--commit-files: the version's files weigh {content.Size:N0} bytes and at most " +
                $"{CommittedArtifactStore.MaxBytes:N0} go into Git; share larger ones through a team store (repoml store push), and run " +
                "the Register target with --commit-files=false");
        }
    }

    /// <summary>Copies the version's objects the committed store lacks.</summary>
    /// <returns>Every object of the version, as paths relative to <paramref name="root"/> with '/' separators.</returns>
    public static async Task<IReadOnlyList<string>> CopyAsync(string root, IArtifactStore store, StoredContent content, CancellationToken cancel)
    {
        CheckSize(content);
        Disk.RepositoryLinks.Check(root, ArtifactStoreFactory.CommittedRelativeRoot, "--commit-files");
        var committed = new LocalFolderArtifactStore(Path.Combine(root, ArtifactStoreFactory.CommittedRelativeRoot));
        var digest = Digest.Parse(content.Digest);
        await StoreSync.CopyMissingAsync(store, committed, [digest], cancellationToken: cancel);
        var manifest = await StoreSync.TryReadManifestAsync(committed, digest, cancel);
        var digests = (manifest?.Files.Select(f => f.Digest) ?? []).Append(digest).Distinct();
        return [.. digests.Select(d => Path.GetRelativePath(root, committed.GetObjectPath(d)).Replace(Path.DirectorySeparatorChar, '/'))];
    }
}
