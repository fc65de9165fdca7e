namespace RepoML.Cli.Output;

/// <summary>How much a command prints in text mode.</summary>
public enum Verbosity
{
    Quiet,
    Normal,
    Detailed,
    Diagnostic,
}
