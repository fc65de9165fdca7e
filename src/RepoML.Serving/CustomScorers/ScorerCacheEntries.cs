namespace RepoML.Serving.CustomScorers;

/// <summary>
/// Keeps the scorer build cache from growing without end. Each entry records which project it was built from (and for
/// which runtime) in <c>project.txt</c>, and is stamped each time a server uses it; after a new build, the entries of
/// the same project beyond the <see cref="Kept"/> most recently used are deleted, with staging folders a killed build
/// left more than a day ago. Entries of other projects, and entries without a record, are never touched.
/// </summary>
/// <remarks>
/// A server still running an older build does not need its entry any more once the scorer is loaded (its assemblies
/// are in memory), unless the scorer loads more assemblies lazily; with three kept per project, that needs three newer
/// builds of the same project while it runs.
/// </remarks>
public static class ScorerCacheEntries
{
    /// <summary>Builds kept per project and runtime.</summary>
    public const int Kept = 3;

    private const string ProjectFile = "project.txt";

    /// <summary>What identifies an entry's project: its path and the runtime it was built for.</summary>
    public static string ProjectKey(ScorerSource source, string runtime) => $"{source.Path}|{runtime}";

    /// <summary>Records the project in a staging entry before it is published.</summary>
    public static void Record(string staging, string projectKey) => File.WriteAllText(Path.Combine(staging, ProjectFile), projectKey);

    /// <summary>Marks an entry as just used, so it is among the last to be pruned.</summary>
    public static void Touch(string entry)
    {
        try
        {
            Directory.SetLastWriteTimeUtc(entry, DateTime.UtcNow);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only cache still serves; it is only pruned less well.
        }
    }

    /// <summary>Deletes the entries of <paramref name="projectKey"/> beyond the <see cref="Kept"/> most recently used.</summary>
    /// <returns>The digests of the entries deleted.</returns>
    public static IReadOnlyList<string> Prune(string cacheFolder, string projectKey)
    {
        if (!Directory.Exists(cacheFolder))
        {
            return [];
        }

        var entries = new DirectoryInfo(cacheFolder).GetDirectories();
        var stale = entries
            .Where(entry => !entry.Name.Contains(".tmp-", StringComparison.Ordinal) && RecordedProject(entry.FullName) == projectKey)
            .OrderByDescending(entry => entry.LastWriteTimeUtc)
            .Skip(Kept)
            .ToList();

        // What a killed build or prune left behind: no build takes a day.
        var abandoned = entries.Where(entry => entry.Name.Contains(".tmp-",
            StringComparison.Ordinal) && entry.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-1));
        foreach (var leftover in abandoned)
        {
            try
            {
                leftover.Delete(recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Next time.
            }
        }

        var deleted = new List<string>();
        foreach (var entry in stale)
        {
            try
            {
                // Renamed first, so that no reader ever sees a half-deleted entry under its digest.
                var digest = entry.Name;
                var doomed = Path.Combine(cacheFolder, $"{digest}.tmp-pruned-{Guid.NewGuid():N}");
                Directory.Move(entry.FullName, doomed);
                Directory.Delete(doomed, recursive: true);
                deleted.Add(digest);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // In use or protected: try again after the next build.
            }
        }

        return deleted;
    }

    private static string? RecordedProject(string entry)
    {
        var file = Path.Combine(entry, ProjectFile);
        try
        {
            return File.Exists(file) ? File.ReadAllText(file) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
