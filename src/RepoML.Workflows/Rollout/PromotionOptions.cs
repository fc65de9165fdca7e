namespace RepoML.Workflows.Rollout;

/// <summary>What <c>repoml promote</c> was asked.</summary>
/// <param name="Via"><c>commit</c> or <c>pull-request</c>.</param>
public sealed record PromotionOptions(
    string Endpoint, string? ToVersion, bool DryRun, string Via, string? MetricsUrl, string? Plan, string? Branch,
    string? GitHubRepository, string? BaseBranch, string? Store);
