using System.Text.Json;
using RepoML.Core.Comparison;
using RepoML.Core.Metrics;

namespace RepoML.GitHub.Tests;

public sealed class GitHubPullRequestPublisherTests : IDisposable
{
    private readonly GitHubApiStandIn api = new();

    private static ComparisonReport Report(string verdict, string model = "credit") => new(
        model, MlTask.Binary, "roc_auc", "test.csv", 200,
        new ModelSummary("run 1", 1000, 10), new ModelSummary("credit:3", 1000, 10),
        [new MetricComparison("roc_auc", 0.8, 0.78, 0.02, new ConfidenceInterval(-0.01, 0.05), true)],
        verdict == ComparisonVerdict.Fail ? [new GateResult("roc_auc", "threshold", 0.9, 0.8, GateStatus.Fail, "roc_auc 0.8 ≥ 0.9")] : [],
        verdict, null, [], new Dictionary<string, IReadOnlyList<ChartSeries>>(), 1000, 42);

    private Task<PublishOutcome> Publish(string verdict, string markdown = "## report", string model = "credit", string? sha = null) =>
        GitHubPullRequestPublisher.Create("test-token", api.BaseAddress)
            .PublishAsync(new PullRequestPublication("o", "r", 7, Report(verdict, model), markdown, sha));

    [Fact]
    public async Task Should_list_then_create_the_comment_and_set_a_success_status_When_the_pull_request_has_none()
    {
        // Given a pull request with an unrelated comment
        api.Comments.Add((1, "Looks good"));

        // When the comparison is published
        var outcome = await Publish(ComparisonVerdict.Pass);

        // Then Octokit lists comments, creates one with the marker, reads the head and sets the status
        Assert.Equal(
            [("GET", "/api/v3/repos/o/r/issues/7/comments"), ("POST", "/api/v3/repos/o/r/issues/7/comments"), ("GET",
                "/api/v3/repos/o/r/pulls/7"), ("POST", $"/api/v3/repos/o/r/statuses/{api.HeadSha}")],
            api.Calls);
        var created = JsonDocument.Parse(api.Requests[1].Body).RootElement.GetProperty("body").GetString();
        Assert.Equal("<!-- repoml:compare:credit -->\n## report", created);
        var status = JsonDocument.Parse(api.Requests[3].Body).RootElement;
        Assert.Equal("success", status.GetProperty("state").GetString());
        Assert.Equal("repoml/compare/credit", status.GetProperty("context").GetString());
        Assert.StartsWith("gate passed: roc_auc 0.8000", status.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(outcome.Created);
        Assert.Equal(100, outcome.CommentId);
    }

    [Fact]
    public async Task Should_update_the_marked_comment_and_never_add_another_When_published_again()
    {
        // Given a first publication, and another model's comment
        api.Comments.Add((9, CommentMarker.Body("fraud", "other model")));
        await Publish(ComparisonVerdict.Pass, "## first");
        api.ClearRequests();

        // When a later push publishes a failing comparison on a given commit
        var outcome = await Publish(ComparisonVerdict.Fail, "## second", sha: "fedcba9876543210fedcba9876543210fedcba98");

        // Then the same comment is patched, the failure status goes on that commit, and there is one credit comment
        Assert.Equal(
            [("GET", "/api/v3/repos/o/r/issues/7/comments"), ("PATCH", "/api/v3/repos/o/r/issues/comments/100"), ("POST",
                "/api/v3/repos/o/r/statuses/fedcba9876543210fedcba9876543210fedcba98")],
            api.Calls);
        Assert.Equal("<!-- repoml:compare:credit -->\n## second",
            JsonDocument.Parse(api.Requests[1].Body).RootElement.GetProperty("body").GetString());
        Assert.Equal("failure", JsonDocument.Parse(api.Requests[2].Body).RootElement.GetProperty("state").GetString());
        Assert.Single(api.Comments, c => c.Body.Contains(CommentMarker.For("credit"), StringComparison.Ordinal));
        Assert.Equal(2, api.Comments.Count);
        Assert.False(outcome.Created);
        Assert.Equal("failure", outcome.State);
    }

    [Fact]
    public async Task Should_not_patch_When_the_comment_already_says_the_same()
    {
        // Given
        await Publish(ComparisonVerdict.Pass, "## same");
        api.ClearRequests();

        // When
        var outcome = await Publish(ComparisonVerdict.Pass, "## same");

        // Then the comments were read and only the status was refreshed: no PATCH, no new comment
        Assert.Equal(
            [("GET", "/api/v3/repos/o/r/issues/7/comments"), ("GET", "/api/v3/repos/o/r/pulls/7"), ("POST",
                $"/api/v3/repos/o/r/statuses/{api.HeadSha}")],
            api.Calls);
        Assert.Equal("success", JsonDocument.Parse(api.Requests[2].Body).RootElement.GetProperty("state").GetString());
        Assert.Equal("<!-- repoml:compare:credit -->\n## same", Assert.Single(api.Comments).Body);
        Assert.False(outcome.Created);
        Assert.Equal(100, outcome.CommentId);
    }

    [Fact]
    public async Task Should_send_the_token_and_report_success_When_there_is_no_baseline()
    {
        // Given / When
        await Publish(ComparisonVerdict.NoBaseline);

        // Then every call carries the token, and the status of a first version is a success
        Assert.All(api.Requests, r => Assert.Equal("Token test-token", r.Headers["Authorization"]));
        Assert.Equal("success", JsonDocument.Parse(api.Requests[^1].Body).RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Should_leave_a_persons_comment_alone_and_post_its_own_When_someone_pasted_the_marker_first()
    {
        // Given mallory commented first with credit's marker, and quoted a report; the token (GITHUB_TOKEN) may not read /user
        api.Comments.Add((5, CommentMarker.Body("credit", "## ✅ credit: the candidate passes the gate")));
        api.People[5] = "mallory";
        api.Comments.Add((6, "> quoted\n" + CommentMarker.Body("credit", "x")));

        // When
        var outcome = await Publish(ComparisonVerdict.Fail, "## fails");

        // Then the report is a new comment by the bot; mallory's comment, which she could edit to another verdict, is untouched
        Assert.True(outcome.Created);
        Assert.DoesNotContain(api.Calls, c => c.Method == "PATCH");
        Assert.Equal("<!-- repoml:compare:credit -->\n## ✅ credit: the candidate passes the gate", api.Comments[0].Body);
        Assert.Equal("<!-- repoml:compare:credit -->\n## fails", api.Comments[^1].Body);
        Assert.Equal(3, api.Comments.Count);
    }

    public void Dispose() => api.Dispose();
}
