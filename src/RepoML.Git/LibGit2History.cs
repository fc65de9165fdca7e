using LibGit2Sharp;

namespace RepoML.Git;

/// <summary>
/// <see cref="IGitHistory"/> with LibGit2Sharp: walks the first-parent chain and compares only the subtrees asked
/// for, skipping a commit as soon as those subtrees' ids equal its parent's.
/// </summary>
public sealed class LibGit2History(string repositoryPath) : IGitHistory
{
    private readonly Repository repository = new(repositoryPath);

    public bool IsShallow => repository.Info.IsShallow;

    public string? ResolveCommit(string revision)
    {
        try
        {
            return repository.Lookup(revision)?.Peel<Commit>()?.Sha;
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    public CommitInfo? GetCommit(string sha) => repository.Lookup<Commit>(sha) is { } commit ? Info(commit) : null;

    public IReadOnlyList<HistoryCommit> FirstParentChanges(string tipSha, IReadOnlyList<string> pathPrefixes) =>
        Changes(Chain(tipSha, stopAt: null), since: null, pathPrefixes);

    public IReadOnlyList<HistoryCommit>? FirstParentChangesSince(string tipSha, string sinceSha, IReadOnlyList<string> pathPrefixes)
    {
        var chain = Chain(tipSha, stopAt: sinceSha);
        var since = repository.Lookup<Commit>(sinceSha);
        return since is not null && (chain.Count == 0 ? tipSha == sinceSha : chain[0].Parents.FirstOrDefault()?.Sha == sinceSha)
            ? Changes(chain, since, pathPrefixes)
            : null;
    }

    /// <summary>The first-parent chain of the tip, oldest first, ending before <paramref name="stopAt"/> if it is met.</summary>
    private List<Commit> Chain(string tipSha, string? stopAt)
    {
        var chain = new List<Commit>();
        for (var commit = repository.Lookup<Commit>(tipSha); commit is not null && commit.Sha != stopAt; commit = commit.Parents.FirstOrDefault())
        {
            chain.Add(commit);
        }

        chain.Reverse();
        return chain;
    }

    private static List<HistoryCommit> Changes(List<Commit> chain, Commit? since, IReadOnlyList<string> pathPrefixes)
    {
        var result = new List<HistoryCommit>();
        var previous = pathPrefixes.Select(p => since?[p]?.Target as Tree).ToArray();
        foreach (var commit in chain)
        {
            var changes = new List<FileChange>();
            for (var i = 0; i < pathPrefixes.Count; i++)
            {
                var current = commit[pathPrefixes[i]]?.Target as Tree;
                if (current?.Id != previous[i]?.Id)
                {
                    Compare(previous[i], current, pathPrefixes[i], changes);
                }

                previous[i] = current;
            }

            if (changes.Count > 0)
            {
                result.Add(new HistoryCommit(result.Count + 1, Info(commit), changes));
            }
        }

        return result;
    }

    public IReadOnlyList<TreeFile> ListFiles(string commitSha, string prefix)
    {
        var files = new List<TreeFile>();
        if (repository.Lookup<Commit>(commitSha)?[prefix]?.Target is Tree tree)
        {
            Collect(tree, prefix, files);
        }

        return files;
    }

    public string ReadBlob(string blobId) => repository.Lookup<Blob>(blobId).GetContentText();

    public void Dispose() => repository.Dispose();

    internal static CommitInfo Info(Commit commit) =>
        new(commit.Sha, commit.Author.Name, commit.Author.Email, commit.Author.When, commit.Message.TrimEnd('\n'));

    private static void Collect(Tree tree, string prefix, List<TreeFile> files)
    {
        foreach (var entry in tree)
        {
            var path = prefix + "/" + entry.Name;
            if (entry.Target is Tree sub)
            {
                Collect(sub, path, files);
            }
            else if (entry.TargetType == TreeEntryTargetType.Blob)
            {
                files.Add(new TreeFile(path, entry.Target.Sha));
            }
        }
    }

    private static void Compare(Tree? before, Tree? after, string prefix, List<FileChange> changes)
    {
        var old = before?.ToDictionary(e => e.Name, StringComparer.Ordinal) ?? [];
        foreach (var entry in after ?? Enumerable.Empty<TreeEntry>())
        {
            var path = prefix + "/" + entry.Name;
            old.Remove(entry.Name, out var was);
            if (was?.Target.Id == entry.Target.Id)
            {
                continue;
            }

            if (entry.Target is Tree tree)
            {
                if (was is not null && was.Target is not Tree)
                {
                    changes.Add(new FileChange(path, FileChangeKind.Deleted, null));
                }

                Compare(was?.Target as Tree, tree, path, changes);
            }
            else if (entry.TargetType == TreeEntryTargetType.Blob)
            {
                if (was?.Target is Tree wasTree)
                {
                    Compare(wasTree, null, path, changes);
                }

                changes.Add(new FileChange(path, was is null || was.Target is Tree ? FileChangeKind.Added : FileChangeKind.Modified,
                    entry.Target.Sha));
            }
        }

        foreach (var (name, gone) in old)
        {
            if (gone.Target is Tree tree)
            {
                Compare(tree, null, prefix + "/" + name, changes);
            }
            else if (gone.TargetType == TreeEntryTargetType.Blob)
            {
                changes.Add(new FileChange(prefix + "/" + name, FileChangeKind.Deleted, null));
            }
        }
    }
}
