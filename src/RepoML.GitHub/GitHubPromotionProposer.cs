using RepoML.Core.Rollout;

namespace RepoML.GitHub;

/// <summary>
/// Opens a promotion pull request with Octokit through the Git data API, so no clone or push is needed:
/// base branch head → tree with the changed files → commit → new branch → pull request.
/// </summary>
public sealed class GitHubPromotionProposer(IGitHubClient client) : IPromotionProposer
{
    /// <summary>A proposer authenticated with a token (<c>GITHUB_TOKEN</c>) against <paramref name="apiBase"/> (<c>GITHUB_API_URL</c>).</summary>
    public static GitHubPromotionProposer Create(string token, Uri? apiBase = null) =>
        new(new GitHubClient(new ProductHeaderValue("repoml"),
            apiBase ?? GitHubPullRequestPublisher.GitHubDotCom) { Credentials = new Credentials(token) });

    public async Task<ProposalOutcome> ProposeAsync(PromotionProposal proposal, CancellationToken cancellationToken = default)
    {
        var (owner, repo) = (proposal.Owner, proposal.Repository);
        var head = await client.Git.Reference.Get(owner, repo, $"heads/{proposal.BaseBranch}").ConfigureAwait(false);
        var parent = await client.Git.Commit.Get(owner, repo, head.Object.Sha).ConfigureAwait(false);
        var tree = new NewTree { BaseTree = parent.Tree.Sha };
        foreach (var (path, text) in proposal.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            tree.Tree.Add(new NewTreeItem { Path = path, Mode = "100644", Type = TreeType.Blob, Content = text });
        }

        cancellationToken.ThrowIfCancellationRequested();
        var created = await client.Git.Tree.Create(owner, repo, tree).ConfigureAwait(false);
        var commit = await client.Git.Commit.Create(owner, repo,
            new NewCommit(proposal.Body.Length > 0 ? $"{proposal.Title}\n\n{proposal.Body}" : proposal.Title, created.Sha,
            parent.Sha)).ConfigureAwait(false);
        await client.Git.Reference.Create(owner, repo, new NewReference($"refs/heads/{proposal.Branch}", commit.Sha)).ConfigureAwait(false);
        var pull = await client.PullRequest.Create(owner, repo, new NewPullRequest(proposal.Title, proposal.Branch,
            proposal.BaseBranch) { Body = proposal.Body }).ConfigureAwait(false);
        return new ProposalOutcome(pull.Number, pull.HtmlUrl, proposal.Branch, commit.Sha);
    }
}
