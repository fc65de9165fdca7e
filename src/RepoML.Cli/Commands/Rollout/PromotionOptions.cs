using RepoML.Cli.Output;

namespace RepoML.Cli.Commands.Rollout;

/// <summary>What <c>repoml promote</c> was asked.</summary>
/// <param name="Via"><c>commit</c> or <c>pull-request</c>.</param>
internal sealed record PromotionOptions(
    string Endpoint, string? ToVersion, bool DryRun, string Via, string? MetricsUrl, string? Plan, string? Branch,
    string? GitHubRepository, string? BaseBranch, string? Store, OutputFormat Format);
