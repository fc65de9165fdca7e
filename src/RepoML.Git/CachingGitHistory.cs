using System.Security.Cryptography;

namespace RepoML.Git;

/// <summary>
/// Keeps the answers of <see cref="IGitHistory.FirstParentChanges"/> in the repository's git dir
/// (<c>.git/repoml/history/</c>, never in the working tree), one file per set of path prefixes. The same tip is
/// answered from the file; a tip that descends from the saved one along first parents reads only the new commits;
/// anything else (reset, force-push, a torn or edited file) reads the whole history again. Everything else is
/// passed to the wrapped reader.
/// </summary>
public sealed class CachingGitHistory(IGitHistory inner, string folder) : IGitHistory
{
    /// <summary><c>REPOML_REGISTRY_CACHE=0</c> turns the cache off.</summary>
    public const string Variable = "REPOML_REGISTRY_CACHE";

    public bool IsShallow => inner.IsShallow;

    public string? ResolveCommit(string revision) => inner.ResolveCommit(revision);

    public CommitInfo? GetCommit(string sha) => inner.GetCommit(sha);

    public IReadOnlyList<HistoryCommit> FirstParentChanges(string tipSha, IReadOnlyList<string> pathPrefixes)
    {
        var path = Path.Combine(folder, FileName(pathPrefixes));
        var saved = Load(path, pathPrefixes);
        if (saved?.Tip == tipSha)
        {
            return saved.Commits;
        }

        var after = saved is null ? null : inner.FirstParentChangesSince(tipSha, saved.Tip, pathPrefixes);
        var fresh = after is null ? new HistoryCache(tipSha, pathPrefixes, inner.FirstParentChanges(tipSha,
            pathPrefixes)) : saved!.Append(tipSha, after);
        Save(path, fresh);
        return fresh.Commits;
    }

    public IReadOnlyList<HistoryCommit>? FirstParentChangesSince(string tipSha, string sinceSha, IReadOnlyList<string> pathPrefixes) =>
        inner.FirstParentChangesSince(tipSha, sinceSha, pathPrefixes);

    public IReadOnlyList<TreeFile> ListFiles(string commitSha, string prefix) => inner.ListFiles(commitSha, prefix);

    public string ReadBlob(string blobId) => inner.ReadBlob(blobId);

    public void Prefetch(IReadOnlyCollection<string> blobIds) => inner.Prefetch(blobIds);

    public void Dispose() => inner.Dispose();

    /// <summary>The cache file's name: a digest of the prefixes, so every set of paths asked for has its own.</summary>
    public static string FileName(IReadOnlyList<string> pathPrefixes) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', pathPrefixes))))[..16] + ".history";

    private static HistoryCache? Load(string path, IReadOnlyList<string> pathPrefixes)
    {
        try
        {
            return File.Exists(path) && HistoryCacheFormat.Read(File.ReadAllText(path)) is { } cache
                && cache.Prefixes.SequenceEqual(pathPrefixes, StringComparer.Ordinal)
                ? cache
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Written to a temporary file and renamed, so a reader sees the old file or the new one; a cache that
    /// cannot be written (read-only repository) is simply not kept.</summary>
    private static void Save(string path, HistoryCache cache)
    {
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(temp, HistoryCacheFormat.Write(cache));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
        }
    }
}
