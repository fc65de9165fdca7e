namespace RepoML.Git;

/// <summary>Chooses the <see cref="IGitHistory"/> implementation; <c>REPOML_GIT_BACKEND=libgit2|cli</c> overrides the default.</summary>
public static class GitHistoryFactory
{
    public const string BackendVariable = "REPOML_GIT_BACKEND";

    /// <param name="cache">Keep first-parent histories in <c>.git/repoml/history/</c> (default: unless <c>REPOML_REGISTRY_CACHE=0</c>).</param>
    public static IGitHistory Open(string repositoryRoot, GitBackend? backend = null, bool? cache = null)
    {
        var directories = GitDirectories.Find(repositoryRoot)
            ?? throw new RegistryException(RegistryErrors.NotARepository,
                $"'{repositoryRoot}' is not a Git repository; the registry lives in Git history");

        var chosen = backend ?? (string.Equals(Environment.GetEnvironmentVariable(BackendVariable), "libgit2",
            StringComparison.OrdinalIgnoreCase) ? GitBackend.LibGit2 : GitBackend.Cli);
        IGitHistory history = chosen == GitBackend.LibGit2 ? new LibGit2History(repositoryRoot) : new GitCliHistory(repositoryRoot, directories);
        var useCache = cache ?? Environment.GetEnvironmentVariable(CachingGitHistory.Variable) != "0";
        return useCache
            ? new CachingGitHistory(history, Path.Combine(directories.CommonDir, "repoml", "history"))
            : history;
    }
}
