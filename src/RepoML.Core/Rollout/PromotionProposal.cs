namespace RepoML.Core.Rollout;

/// <summary>A promotion step proposed as a pull request instead of committed: the branch to create, its files and the request's text.</summary>
/// <param name="Files">Repository path → new text of each changed file.</param>
public sealed record PromotionProposal(string Owner, string Repository, string BaseBranch, string Branch, string Title, string Body,
    IReadOnlyDictionary<string, string> Files);
