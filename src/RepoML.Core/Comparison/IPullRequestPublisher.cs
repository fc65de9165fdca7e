namespace RepoML.Core.Comparison;

/// <summary>Posts a comparison on a pull request. Implemented with Octokit in RepoML.GitHub (<c>GitHubPullRequestPublisher</c>).</summary>
public interface IPullRequestPublisher
{
    /// <summary>Creates the model's comment, or updates it when one with the marker exists; then sets the commit status.</summary>
    Task<PublishOutcome> PublishAsync(PullRequestPublication publication, CancellationToken cancellationToken = default);
}
