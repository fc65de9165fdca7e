namespace RepoML.Git;

/// <summary>
/// Commits registry files on the checked-out branch with the git command line: writes them into the working tree
/// and commits only those paths (<c>git commit -- paths</c>), so whatever else the user has staged stays staged.
/// Git's own locks serialise concurrent writers; a writer that finds the index locked retries, and one that still
/// cannot commit fails cleanly with nothing half-written in Git.
/// </summary>
public sealed class GitRegistryWriter(string repositoryRoot)
{
    private const int Attempts = 40;

    /// <summary>Writes (content) or deletes (null) each file and commits them, with <paramref name="written"/> (files already in the
    /// working tree); returns the new commit.</summary>
    public string Commit(IReadOnlyList<(string Path, string? Content)> files, string message, IReadOnlyList<string>? written = null)
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(repositoryRoot, path.Replace('/', Path.DirectorySeparatorChar));
            if (content is null)
            {
                File.Delete(full);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        // Paths go through standard input, NUL-separated (and, as for every git call, are matched literally): a model folder may hold
        // more files than fit on a command line.
        var paths = string.Join('\0', files.Select(f => f.Path).Concat(written ?? []));
        var identity = Identity();
        Retry(["add", "--all", "--pathspec-from-file=-", "--pathspec-file-nul"], paths);
        Retry([.. identity, "commit", "--no-verify", "--quiet", "-m", message, "--pathspec-from-file=-", "--pathspec-file-nul"], paths);
        return GitProcess.Output(repositoryRoot, "rev-parse", "HEAD").Trim();
    }

    private void Retry(string[] arguments, string paths)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (code, _, error) = GitProcess.Run(repositoryRoot, arguments, input: paths);
            if (code == 0)
            {
                return;
            }

            var locked = error.Contains(".lock", StringComparison.Ordinal) || error.Contains("cannot lock ref", StringComparison.OrdinalIgnoreCase);
            if (!locked || attempt == Attempts)
            {
                throw new RegistryException(RegistryErrors.CommitFailed,
                    $"git {arguments.SkipWhile(a => a == "-c" || a.Contains('=', StringComparison.Ordinal)).First()} failed: {error.Trim()}");
            }

            Thread.Sleep(Random.Shared.Next(20, 120));
        }
    }

    /// <summary>Commits need an author; CI machines often have none configured, so fall back to a RepoML identity.</summary>
    private string[] Identity()
    {
        var (code, output, _) = GitProcess.Run(repositoryRoot, ["config", "user.email"]);
        return code == 0 && output.Trim().Length > 0 ? [] : ["-c", "user.name=RepoML", "-c", "user.email=repoml@localhost"];
    }
}
