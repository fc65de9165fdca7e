namespace RepoML.Core.Diagnostics;

/// <summary>How serious a diagnostic is. Only <see cref="Error"/> makes a workspace invalid.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}
