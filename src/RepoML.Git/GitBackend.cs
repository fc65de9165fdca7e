namespace RepoML.Git;

/// <summary>Which implementation reads the history: the git command line (default, fastest on long histories) or LibGit2Sharp.</summary>
public enum GitBackend
{
    Cli,
    LibGit2,
}
