namespace RepoML.Core.Workspace;

/// <summary>
/// The workspace's files as Core sees them: paths are relative to the workspace root and use '/'.
/// The CLI implements it on the disk; tests implement it in memory.
/// </summary>
public interface IWorkspaceFiles
{
    /// <summary>Every file under <paramref name="relativeFolder"/> ("" for the root), recursively, sorted ordinally.</summary>
    IEnumerable<string> EnumerateFiles(string relativeFolder);

    bool FileExists(string relativePath);

    bool DirectoryExists(string relativePath);

    /// <summary>Reads a text file; the result says why when it cannot (too large, not UTF-8).</summary>
    FileText Read(string relativePath, long maxBytes);

    /// <summary>
    /// Why <paramref name="relativePath"/> cannot be read as part of the repository: it, a folder on the way or a file under
    /// it is a symbolic link that leaves the repository, loops or dangles; null when none (the default: no links).
    /// </summary>
    string? LinkProblem(string relativePath) => null;
}
