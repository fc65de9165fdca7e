namespace RepoML.Core.Workspace.Validation;

/// <summary>
/// What every validation rule works with: the loaded workspace, its files, and the checks the rules share (local paths
/// and references to the workspace's assets). Diagnostics go to the file they concern.
/// </summary>
internal sealed class ValidationContext
{
    public ValidationContext(Workspace workspace, IWorkspaceFiles files)
    {
        Workspace = workspace;
        Files = files;
        Paths = new LocalPathChecks(this);
        References = new ReferenceChecks(this);
    }

    public Workspace Workspace { get; }

    public IWorkspaceFiles Files { get; }

    /// <summary>Local paths: relative to the YAML file, inside the repository, and present.</summary>
    public LocalPathChecks Paths { get; }

    /// <summary><c>azureml:</c> references to the workspace's own assets.</summary>
    public ReferenceChecks References { get; }

    public static void Report(SpecFile file, DiagnosticDescriptor descriptor, SourceSpan span, string message) =>
        file.Diagnostics.Add(Diagnostic.At(descriptor, span, message));

    public static IEnumerable<string> Names(YamlMapping? mapping) => mapping?.Entries.Select(e => e.Key.Value) ?? [];
}
