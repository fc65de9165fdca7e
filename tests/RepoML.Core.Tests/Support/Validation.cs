namespace RepoML.Core.Tests.Support;

/// <summary>Loads and validates an in-memory workspace, returning every diagnostic.</summary>
internal static class Validation
{
    public static IReadOnlyList<Diagnostic> Run(InMemoryWorkspaceFiles files)
    {
        var workspace = WorkspaceLoader.Load(files);
        WorkspaceValidator.Validate(workspace, files);
        return workspace.Files.SelectMany(f => f.Diagnostics).ToList();
    }

    public static IReadOnlyList<Diagnostic> Errors(InMemoryWorkspaceFiles files) => Run(files).Where(d => d.IsError).ToList();
}
