using RepoML.Core.Comparison;

namespace RepoML.GitHub;

/// <summary>
/// Posts a comparison on a GitHub pull request with Octokit: one comment per model, found again by its hidden marker
/// and updated in place (never a second one), and a commit status <c>repoml/compare/MODEL</c> on the head commit.
/// Works against github.com and GitHub Enterprise Server (base address <c>https://HOST/api/v3</c>).
/// </summary>
public sealed class GitHubPullRequestPublisher(IGitHubClient client) : IPullRequestPublisher
{
    /// <summary>The address of github.com's REST API, the default when <c>GITHUB_API_URL</c> is not set.</summary>
    public static readonly Uri GitHubDotCom = new("https://api.github.com/");

    /// <summary>A publisher authenticated with a token (<c>GITHUB_TOKEN</c>) against <paramref name="apiBase"/> (<c>GITHUB_API_URL</c>).</summary>
    public static GitHubPullRequestPublisher Create(string token, Uri? apiBase = null)
    {
        var address = apiBase ?? GitHubDotCom;
        var client = new GitHubClient(new ProductHeaderValue("repoml"), address) { Credentials = new Credentials(token) };
        return new GitHubPullRequestPublisher(client);
    }

    public async Task<PublishOutcome> PublishAsync(PullRequestPublication publication, CancellationToken cancellationToken = default)
    {
        var (owner, repo, number) = (publication.Owner, publication.Repository, publication.Number);
        var model = publication.Report.Model;
        var body = CommentMarker.Body(model, publication.Markdown);

        var existing = await client.Issue.Comment.GetAllForIssue(owner, repo, number).ConfigureAwait(false);
        var id = CommentMarker.FindExisting(model, (await Own(existing).ConfigureAwait(false)).Select(c => (c.Id, c.Body ?? "")));
        IssueComment comment;
        if (id is { } commentId)
        {
            comment = existing.First(c => c.Id == commentId).Body == body
                ? existing.First(c => c.Id == commentId)
                : await client.Issue.Comment.Update(owner, repo, commentId, body).ConfigureAwait(false);
        }
        else
        {
            comment = await client.Issue.Comment.Create(owner, repo, number, body).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var sha = publication.HeadSha ?? (await client.PullRequest.Get(owner, repo, number).ConfigureAwait(false)).Head.Sha;
        var (success, description) = CommentMarker.Status(publication.Report);
        var state = success ? CommitState.Success : CommitState.Failure;
        await client.Repository.Status.Create(owner, repo, sha, new NewCommitStatus
        {
            State = state,
            Context = CommentMarker.StatusContext(model),
            Description = description,
            TargetUrl = publication.TargetUrl ?? comment.HtmlUrl,
        }).ConfigureAwait(false);
        return new PublishOutcome(comment.Id, id is null, sha, state.ToString().ToLowerInvariant(), comment.HtmlUrl);
    }

    // A marked comment is ours only when we wrote it: anyone who can comment may paste the marker, and the report must not go into a
    // comment that its author can later edit to show another verdict. A bot account (the Actions token's github-actions[bot], an app)
    // is the writer; a person's comment counts only when the token is that person's (a personal access token), asked only then.
    private async Task<IReadOnlyList<IssueComment>> Own(IReadOnlyList<IssueComment> comments)
    {
        var marked = comments.Where(c => CommentMarker.IsMarked(c.Body)).ToList();
        if (marked.TrueForAll(Bot)) { return marked; }
        string? login;
        try { login = (await client.User.Current().ConfigureAwait(false)).Login; }
        catch (ApiException) { login = null; } // an installation token (GITHUB_TOKEN) may not read /user: bots only
        return [.. marked.Where(c => Bot(c) || (login is not null && string.Equals(c.User?.Login, login, StringComparison.Ordinal)))];
    }

    private static bool Bot(IssueComment comment) => comment.User?.Type == AccountType.Bot;
}
