namespace RepoML.Cli.Output;

/// <summary>How a command prints its results: for people, for programs, or as CI annotations.</summary>
public enum OutputFormat
{
    Text,
    Json,
    AzurePipelines,
    Github,
}
