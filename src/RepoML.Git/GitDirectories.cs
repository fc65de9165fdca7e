namespace RepoML.Git;

/// <summary>
/// Where a working tree's Git data lives, read from the files Git itself reads (no process): <c>.git</c> is a folder,
/// or in a linked worktree or submodule a file naming the git dir, whose <c>commondir</c> names the shared one.
/// </summary>
/// <param name="GitDir">The working tree's own git dir (HEAD, index).</param>
/// <param name="CommonDir">The git dir shared by all worktrees (objects, refs, <c>shallow</c>).</param>
public sealed record GitDirectories(string GitDir, string CommonDir)
{
    /// <summary>True when the repository is a shallow clone (Git keeps the cut-off commits in <c>shallow</c>).</summary>
    public bool IsShallow => File.Exists(Path.Combine(CommonDir, "shallow"));

    /// <summary>The git dirs of the working tree at <paramref name="root"/>; null when it has no <c>.git</c>.</summary>
    public static GitDirectories? Find(string root)
    {
        var dotGit = Path.Combine(root, ".git");
        string gitDir;
        if (Directory.Exists(dotGit))
        {
            gitDir = dotGit;
        }
        else if (File.Exists(dotGit) && File.ReadAllText(dotGit).Trim() is var pointer && pointer.StartsWith("gitdir:", StringComparison.Ordinal))
        {
            gitDir = Path.GetFullPath(pointer["gitdir:".Length..].Trim(), root);
        }
        else
        {
            return null;
        }

        var commonFile = Path.Combine(gitDir, "commondir");
        var common = File.Exists(commonFile) ? Path.GetFullPath(File.ReadAllText(commonFile).Trim(), gitDir) : gitDir;
        return new GitDirectories(Path.GetFullPath(gitDir), Path.GetFullPath(common));
    }
}
