namespace RepoML.Workflows.Disk;

/// <summary>
/// A registered version's files restored outside the store (<c>.repoml/models/NAME/VERSION</c>, <c>.repoml/compare/KEY</c>)
/// can be edited or replaced behind RepoML's back, so they are trusted only after they hash, file by file, to the
/// registered folder digest; a copy that does not is restored again from the (verified) store.
/// </summary>
public static class MaterializedCopy
{
    /// <summary>A file some callers keep beside the content; never part of it.</summary>
    public const string Marker = ".repoml-digest";

    /// <summary>Whether <paramref name="folder"/> holds exactly the files of the folder manifest <paramref name="digest"/>.</summary>
    public static bool Matches(string folder, string digest)
    {
        if (!Directory.Exists(folder))
        {
            return false;
        }

        var entries = new List<ArtifactManifestEntry>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (relative == Marker)
            {
                continue;
            }

            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            entries.Add(new ArtifactManifestEntry(relative, stream.Length, Digest.FromHash(System.Security.Cryptography.SHA256.HashData(stream))));
        }

        try
        {
            return new ArtifactManifest(entries).ComputeDigest().ToString() == digest;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Restores <paramref name="folder"/> with <paramref name="restore"/> (which replaces what is there) unless it already matches
    /// <paramref name="digest"/>; says so on <paramref name="error"/> when a copy had drifted.</summary>
    public static async Task EnsureAsync(string folder, string digest, Func<Task> restore, TextWriter error)
    {
        if (Matches(folder, digest))
        {
            return;
        }

        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any(e => Path.GetFileName(e) != Marker))
        {
            await error.WriteLineAsync($"warning: {folder} no longer matches {digest[..19]}…; restored it from the store");
        }

        await restore();
        if (!Matches(folder, digest))
        {
            throw new WorkflowException(WorkflowFailure.Invalid, $"{folder} does not match {digest} even after restoring it from the store");
        }
    }
}
