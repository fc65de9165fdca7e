namespace RepoML.Core.Rollout;

/// <summary>Port: opens a pull request carrying a promotion step. Implemented with Octokit in RepoML.GitHub
/// (<c>GitHubPromotionProposer</c>).</summary>
public interface IPromotionProposer
{
    Task<ProposalOutcome> ProposeAsync(PromotionProposal proposal, CancellationToken cancellationToken = default);
}
