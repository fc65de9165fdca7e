namespace RepoML.Core.Registry;

/// <summary>
/// Read access to a Git repository's history, the registry's database. Implemented with LibGit2Sharp and with
/// the git command line (RepoML.Git); tests use both against real repositories.
/// </summary>
public interface IGitHistory : IDisposable
{
    /// <summary>True for a shallow clone, whose truncated history would give wrong version numbers.</summary>
    bool IsShallow { get; }

    /// <summary>The commit a revision (branch, ref, sha, <c>HEAD</c>) names; null when it names none.</summary>
    string? ResolveCommit(string revision);

    /// <summary>The commit's metadata; null when the repository has no such commit.</summary>
    CommitInfo? GetCommit(string sha);

    /// <summary>
    /// The first-parent history of <paramref name="tipSha"/>, oldest first, keeping only commits that changed a file
    /// under one of <paramref name="pathPrefixes"/> (folder paths without a trailing slash), each with those changes.
    /// Renames are reported as a deletion and an addition.
    /// </summary>
    IReadOnlyList<HistoryCommit> FirstParentChanges(string tipSha, IReadOnlyList<string> pathPrefixes);

    /// <summary>
    /// Like <see cref="FirstParentChanges"/>, but only the commits after <paramref name="sinceSha"/> (numbered from 1);
    /// null when <paramref name="sinceSha"/> is not on the first-parent chain of <paramref name="tipSha"/> (a reset,
    /// a force-push, or a branch fast-forwarded onto a merge that has the old tip as its second parent).
    /// </summary>
    IReadOnlyList<HistoryCommit>? FirstParentChangesSince(string tipSha, string sinceSha, IReadOnlyList<string> pathPrefixes);

    /// <summary>Every file under <paramref name="prefix"/> in the tree of <paramref name="commitSha"/>.</summary>
    IReadOnlyList<TreeFile> ListFiles(string commitSha, string prefix);

    /// <summary>The text of a blob (UTF-8).</summary>
    string ReadBlob(string blobId);

    /// <summary>A hint that these blobs will be read next, so an implementation can read them in one go.</summary>
    void Prefetch(IReadOnlyCollection<string> blobIds)
    {
    }
}
