namespace RepoML.Core.Rollout;

/// <summary>The pull request a proposal opened.</summary>
public sealed record ProposalOutcome(int Number, string Url, string Branch, string Commit);
