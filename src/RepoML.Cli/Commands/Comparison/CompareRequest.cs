using RepoML.Cli.Output;

namespace RepoML.Cli.Commands.Comparison;

/// <summary>The parsed command line of <c>repoml compare</c>.</summary>
internal sealed record CompareRequest(
    string Model,
    string Candidate,
    string? Baseline,
    string? Policy,
    string? Data,
    string? ReportMarkdown,
    string? ReportHtml,
    string? ReportJson,
    int? GitHubPullRequest,
    string? GitHubRepository,
    string? GitHubSha,
    bool AzurePipelines,
    string? Store,
    OutputFormat Format);
