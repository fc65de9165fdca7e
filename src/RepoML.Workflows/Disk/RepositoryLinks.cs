namespace RepoML.Workflows.Disk;

/// <summary>
/// Symbolic links are followed only while they stay in the repository: a path, any folder on the way to it, and every
/// file or folder under it are resolved (links included) and refused when they lead outside, loop, or lead nowhere.
/// </summary>
public static class RepositoryLinks
{
    private const int MaxHops = 40;

    /// <summary>Why <paramref name="path"/> (absolute, or relative to <paramref name="root"/>) cannot be read as part of the repository
    /// at <paramref name="root"/>; null when it can (or does not exist and no link is involved).</summary>
    public static string? Problem(string root, string path)
    {
        var full = Path.GetFullPath(path, root);
        string realRoot;
        try
        {
            realRoot = RealPath(Path.GetFullPath(root), out _);
        }
        catch (IOException)
        {
            return null; // the repository's own location loops: not the content's problem
        }

        return ProblemOf(realRoot, Path.GetFullPath(root), full, 0);
    }

    /// <summary>Throws <see cref="WorkflowException"/> (invalid input) with <paramref name="where"/> and the problem, if there is one.</summary>
    public static void Check(string root, string path, string where)
    {
        if (Problem(root, path) is { } problem)
        {
            throw new WorkflowException(WorkflowFailure.Invalid, $"{where}: error {DiagnosticIds.PathEscapesRepository.Id}: {problem}");
        }
    }

    private static string? ProblemOf(string realRoot, string root, string full, int entries)
    {
        var shown = Path.GetRelativePath(root, full).Replace('\\', '/');
        string real;
        bool linked;
        try
        {
            real = RealPath(full, out linked);
        }
        catch (IOException)
        {
            return $"'{shown}' is a symbolic link loop";
        }

        if (!linked)
        {
            return Directory.Exists(full) ? Children(realRoot, root, full, entries) : null;
        }

        if (!Inside(realRoot, real))
        {
            return $"'{shown}' is a symbolic link to {real}, outside the repository; RepoML reads only files in the repository";
        }

        if (!File.Exists(real) && !Directory.Exists(real))
        {
            return $"'{shown}' is a dangling symbolic link (its target {real} does not exist)";
        }

        return Directory.Exists(real) ? Children(realRoot, root, full, entries) : null;
    }

    // Every entry under a folder, links checked where they are and real folders walked (links to folders are not walked twice).
    private static string? Children(string realRoot, string root, string folder, int entries)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (++entries > 1_000_000)
            {
                return null;
            }

            var problem = entry.LinkTarget is not null
                ? ProblemOf(realRoot, root, entry.FullName, entries)
                : entry is DirectoryInfo ? Children(realRoot, root, entry.FullName, entries) : null;
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static bool Inside(string realRoot, string real) =>
        real == realRoot || real.StartsWith(Path.TrimEndingDirectorySeparator(realRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    // The path with every link on the way resolved; IOException after too many hops (a loop).
    private static string RealPath(string full, out bool linked)
    {
        var hops = 0;
        linked = false;
        return Resolve(full, ref hops, ref linked);
    }

    private static string Resolve(string full, ref int hops, ref bool linked)
    {
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                linked = true;
                if (++hops > MaxHops)
                {
                    throw new IOException($"{next}: too many levels of symbolic links");
                }

                next = Resolve(Path.GetFullPath(target, current), ref hops, ref linked);
            }

            current = next;
        }

        return current;
    }
}
