namespace RepoML.Workflows.Rollout;

/// <summary>What <c>repoml promote</c> was asked.</summary>
/// <param name="Via"><c>commit</c> or <c>pull-request</c>.</param>
/// <param name="Wait">How long to wait for the live endpoint to serve what Git says before refusing (default 60 s; none on a dry run).</param>
public sealed record PromotionOptions(
    string Endpoint, string? ToVersion, bool DryRun, string Via, string? MetricsUrl, string? Plan, string? Branch,
    string? GitHubRepository, string? BaseBranch, string? Store, TimeSpan? Wait = null)
{
    public static TimeSpan DefaultWait { get; } = TimeSpan.FromSeconds(60);
}
