using RepoML.Core.Runs;

namespace RepoML.Git;

/// <summary>
/// Every read and write RepoML makes in a repository's Git outside the registry history: the working tree's state for run
/// records and image labels, commit messages and times of a folder, the user's identity, and commits of files
/// (<see cref="GitRegistryWriter"/>). One place, so the git command line is run the same way everywhere.
/// </summary>
public sealed class GitContext(string repositoryRoot)
{
    public string Root { get; } = repositoryRoot;

    /// <summary>The checked-out commit and branch, uncommitted changes to tracked files, and origin's address; empty fields without git.</summary>
    public GitState State()
    {
        var commit = Read("rev-parse", "HEAD");
        var branch = Read("rev-parse", "--abbrev-ref", "HEAD");
        var status = Read("status", "--porcelain", "--untracked-files=no");
        var remote = Read("config", "--get", "remote.origin.url");
        return new GitState(commit, branch, Dirty: !string.IsNullOrEmpty(status), remote);
    }

    /// <summary>When the last commit (that changed <paramref name="path"/>, when given) was made; null without one.</summary>
    public DateTimeOffset? LastCommitTime(string? path = null)
    {
        var seconds = path is null ? Read("log", "-1", "--format=%ct") : Read("log", "-1", "--format=%ct", "--", path);
        return long.TryParse(seconds, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
    }

    /// <summary>Messages of the commits that changed <paramref name="path"/>, newest first.</summary>
    public IReadOnlyList<string> CommitMessages(string path)
    {
        var (code, output) = Run("log", "--format=%B%x1e", "--", path);
        return code == 0 ? [.. output.Split('\x1e').Select(m => m.Trim()).Where(m => m.Length > 0)] : [];
    }

    /// <summary>The configured <c>user.name</c> and <c>user.email</c> (empty when unset).</summary>
    public (string Name, string Email) Identity() => (Run("config", "user.name").Output.Trim(), Run("config", "user.email").Output.Trim());

    /// <summary>Writes (content) or deletes (null) each file and commits only those paths, with <paramref name="written"/> (files
    /// already in the working tree); returns the new commit.</summary>
    /// <exception cref="Core.Registry.RegistryException">The commit could not be made.</exception>
    public string Commit(IReadOnlyList<(string Path, string? Content)> files, string message, IReadOnlyList<string>? written = null) =>
        new GitRegistryWriter(Root).Commit(files, message, written);

    /// <summary>One git call's trimmed output, or null when it fails, prints nothing, or git is missing.</summary>
    private string? Read(params string[] arguments)
    {
        try
        {
            var (code, output) = Run(arguments);
            var trimmed = output.Trim();
            return code == 0 && trimmed.Length > 0 ? trimmed : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine: the record says so by leaving the fields empty
        }
    }

    private (int Code, string Output) Run(params string[] arguments)
    {
        var (code, output, _) = GitProcess.Run(Root, arguments);
        return (code, output);
    }
}
