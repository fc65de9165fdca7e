namespace RepoML.Cli.Commands.Comparison;

/// <summary>The parsed command line of <c>repoml compare</c>: the workflow's request and where the result is shown.</summary>
internal sealed record CompareArguments(
    CompareRequest Request,
    int? GitHubPullRequest,
    string? GitHubRepository,
    string? GitHubSha,
    bool AzurePipelines,
    OutputFormat Format);
