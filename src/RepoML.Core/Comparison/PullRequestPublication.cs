namespace RepoML.Core.Comparison;

/// <summary>What to post on a pull request: one comment per model (found by its marker) and a commit status.</summary>
/// <param name="HeadSha">The commit to set the status on; null: the pull request's head commit.</param>
/// <param name="TargetUrl">Link for the status (e.g. the CI run); optional.</param>
public sealed record PullRequestPublication(string Owner, string Repository, int Number, ComparisonReport Report, string Markdown,
    string? HeadSha = null, string? TargetUrl = null);
