namespace RepoML.Git;

/// <summary>
/// Finds the branch whose first-parent history numbers versions: the configured one (<c>--branch</c> or
/// <c>REPOML_DEFAULT_BRANCH</c>), else the first of main, master, origin/main, origin/master that exists
/// (a CI checkout is often a detached HEAD with only origin/* refs), else HEAD.
/// </summary>
public static class DefaultBranch
{
    public const string Variable = "REPOML_DEFAULT_BRANCH";

    private static readonly string[] Candidates = ["refs/heads/main", "refs/heads/master", "refs/remotes/origin/main", "refs/remotes/origin/master"];

    /// <returns>The branch's display name and its commit (null in a repository without commits).</returns>
    public static (string Name, string? Tip) Resolve(IGitHistory history, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var tip = history.ResolveCommit(configured)
                ?? throw RegistryErrors.Missing($"the registry branch '{configured}' does not exist here; fetch it (git fetch origin " +
                    $"{configured}) or name another with --branch");
            return (configured, tip);
        }

        foreach (var candidate in Candidates)
        {
            if (history.ResolveCommit(candidate) is { } tip)
            {
                return (candidate.Replace("refs/heads/", "", StringComparison.Ordinal).Replace("refs/remotes/", "", StringComparison.Ordinal), tip);
            }
        }

        return ("HEAD", history.ResolveCommit("HEAD"));
    }
}
