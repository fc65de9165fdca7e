namespace RepoML.Workflows.Validation;

/// <summary>
/// The work of <c>repoml validate</c>: loads the workspace, checks every file against its schema and against the others,
/// and returns the problems of the files asked about, with paths relative to the current folder.
/// </summary>
public static class WorkspaceValidation
{
    /// <param name="paths">Files or folders to report on (empty: the whole workspace); references resolve against the whole workspace.</param>
    /// <param name="workspaceRoot">The root (null: the Git repository holding the first path).</param>
    public static ValidationOutcome Run(WorkflowContext context, IReadOnlyList<string> paths, string? workspaceRoot)
    {
        var fullPaths = paths.Select(context.FullPath).ToArray();
        foreach (var missing in fullPaths.Where(p => !File.Exists(p) && !Directory.Exists(p)))
        {
            throw WorkflowException.Usage($"path '{missing}' does not exist");
        }

        var root = workspaceRoot is not null ? context.FullPath(workspaceRoot) : WorkspaceRoot.Find(fullPaths.FirstOrDefault()
            ?? context.CurrentDirectory);
        var files = new DiskWorkspaceFiles(root);
        var relative = fullPaths
            .Select(p => files.TryRelative(p) ?? throw
                WorkflowException.Usage($"path '{p}' is outside the workspace root '{root}'; pass --workspace"))
            .ToArray();
        var loaded = WorkspaceLoader.Load(files, relative);
        WorkspaceValidator.Validate(loaded, files);
        var selected = loaded.Files
            .Where(f => relative.Length == 0 || relative.Any(r => r.Length == 0 || f.Path == r || f.Path.StartsWith(r + "/",
                StringComparison.Ordinal)))
            .ToList();
        var diagnostics = selected.SelectMany(f => f.Diagnostics)
            .Select(d => d with { File = d.File is null ? null : Display(context, files, d.File) })
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line ?? 0).ThenBy(d => d.Column ?? 0)
            .ToList();
        var sources = selected.Where(f => f.Text is not null).ToDictionary(f => Display(context, files, f.Path), f => f.Text!,
            StringComparer.Ordinal);
        return new ValidationOutcome(diagnostics, sources, selected.Count(f => f.IsSpec));
    }

    private static string Display(WorkflowContext context, DiskWorkspaceFiles files, string relativePath) =>
        Path.GetRelativePath(context.CurrentDirectory, files.Full(relativePath)).Replace(Path.DirectorySeparatorChar, '/');
}

/// <summary>The problems found (paths relative to the current folder), each file's text by that path, and how many spec files were checked.</summary>
public sealed record ValidationOutcome(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyDictionary<string, string> Sources, int SpecFiles)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}
