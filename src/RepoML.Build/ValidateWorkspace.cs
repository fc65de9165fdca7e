using Microsoft.Build.Framework;
using RepoML.Workflows.Disk;

namespace RepoML.Build;

/// <summary>
/// The <c>ValidateRepoMLWorkspace</c> task: loads and validates the workspace in this process, as
/// <c>repoml validate</c> does, and logs each diagnostic at its file, line and column with its stable id as the
/// MSBuild code, which MSBuild prints as <c>file.yml(line,col): error RML0102: message</c>. Fails on errors.
/// </summary>
public sealed class ValidateWorkspace : Microsoft.Build.Utilities.Task
{
    /// <summary>The workspace root: the folder holding models/, environments/, data/, pipelines/, endpoints/.</summary>
    [Required]
    public string WorkspaceRoot { get; set; } = "";

    /// <summary>Log informational diagnostics too (as low-importance messages).</summary>
    public bool IncludeInfo { get; set; }

    /// <summary>How many spec files were validated.</summary>
    [Output]
    public int SpecCount { get; private set; }

    public override bool Execute()
    {
        try
        {
            var files = new DiskWorkspaceFiles(WorkspaceRoot);
            var workspace = WorkspaceLoader.Load(files);
            WorkspaceValidator.Validate(workspace, files);
            SpecCount = workspace.Files.Count(f => f.IsSpec);
            foreach (var diagnostic in workspace.Files.SelectMany(f => f.Diagnostics).OrderBy(d => d.File, StringComparer.Ordinal)
                .ThenBy(d => d.Line ?? 0).ThenBy(d => d.Column ?? 0))
            {
                LogDiagnostic(diagnostic, diagnostic.File is null ? null : files.Full(diagnostic.File));
            }

            Log.LogMessage(MessageImportance.Normal, $"RepoML: validated {SpecCount} spec file(s) in {files.Root}");
            return !Log.HasLoggedErrors;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogError(null, "RML0001", null, WorkspaceRoot, 0, 0, 0, 0, $"cannot read the workspace: {ex.Message}");
            return false;
        }
    }

    private void LogDiagnostic(Diagnostic diagnostic, string? file)
    {
        var (line, column) = (diagnostic.Line ?? 0, diagnostic.Column ?? 0);
        switch (diagnostic.Severity)
        {
            case Severity.Error:
                Log.LogError(null, diagnostic.Id, null, file, line, column, 0, 0, diagnostic.Message);
                break;
            case Severity.Warning:
                Log.LogWarning(null, diagnostic.Id, null, file, line, column, 0, 0, diagnostic.Message);
                break;
            default:
                if (IncludeInfo)
                {
                    Log.LogMessage(null, diagnostic.Id, null, file, line, column, 0, 0, MessageImportance.Low, diagnostic.Message);
                }

                break;
        }
    }
}
