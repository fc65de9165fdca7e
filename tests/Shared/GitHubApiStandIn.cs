using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RepoML.Tests.Shared;

/// <summary>
/// A stand-in for GitHub Enterprise's REST API on 127.0.0.1, for the real Octokit client (which calls <c>/api/v3/...</c> on a
/// non-github.com host), serving one repository: comments on pull request <see cref="PullNumber"/> (list, create, update),
/// that pull request's head, commit statuses, the Git data calls that open a pull request (ref, commit, tree, new ref,
/// pull request <see cref="OpenedPullNumber"/>) and deployments with their statuses. Any other call is a 404. Records every request.
/// </summary>
internal sealed partial class GitHubApiStandIn : IDisposable
{
    /// <summary>The pull request that exists: its comments and head can be read.</summary>
    public const int PullNumber = 7;

    /// <summary>The number of a pull request opened through the stand-in.</summary>
    public const int OpenedPullNumber = 42;

    /// <summary>The id of a deployment created through the stand-in.</summary>
    public const int DeploymentId = 42;

    private static readonly HttpReply NotFound = Reply(404, new JsonObject { ["message"] = "Not Found" });

    private readonly RecordingHttpServer server;
    private readonly string repository;
    private readonly string repositoryPath;
    private long nextCommentId = 100;

    /// <param name="repository">The repository it serves, as <c>owner/name</c>.</param>
    public GitHubApiStandIn(string repository = "o/r")
    {
        this.repository = repository;
        repositoryPath = $"/api/v3/repos/{repository}/";
        server = new RecordingHttpServer((request, _) => Answer(request));
    }

    public Uri BaseAddress => server.BaseAddress;

    /// <summary>The head commit of pull request <see cref="PullNumber"/>.</summary>
    public string HeadSha { get; set; } = "0123456789abcdef0123456789abcdef01234567";

    /// <summary>Comments on pull request <see cref="PullNumber"/>, by id, in creation order.</summary>
    public List<(long Id, string Body)> Comments { get; } = [];

    /// <summary>Authors of comments by a person (type User), by comment id; every other comment is by the bot <c>repoml-bot</c> (type Bot).</summary>
    public Dictionary<long, string> People { get; } = [];

    /// <summary>Every request so far, in the order they came.</summary>
    public IReadOnlyList<RecordedHttpRequest> Requests => server.Requests;

    /// <summary>Method and path (no query) of every request so far.</summary>
    public (string Method, string Path)[] Calls => [.. Requests.Select(r => (r.Method, r.Path))];

    /// <summary>Forgets the requests recorded so far.</summary>
    public void ClearRequests() => server.ClearRequests();

    public void Dispose() => server.Dispose();

    private HttpReply Answer(RecordedHttpRequest request)
    {
        if (!request.Path.StartsWith(repositoryPath, StringComparison.Ordinal))
        {
            return NotFound;
        }

        var route = request.Path[repositoryPath.Length..];
        return (request.Method, route) switch
        {
            ("GET", var r) when r == $"issues/{PullNumber}/comments" => Reply(200, new JsonArray([.. Comments.Select(c => Comment(c.Id, c.Body))])),
            ("POST", var r) when r == $"issues/{PullNumber}/comments" => AddComment(Json(request)["body"]!.GetValue<string>()),
            ("PATCH", var r) when CommentRoute().Match(r) is { Success: true } m => UpdateComment(long.Parse(m.Groups[1].Value,
                CultureInfo.InvariantCulture), Json(request)["body"]!.GetValue<string>()),
            ("GET", var r) when r == $"pulls/{PullNumber}" => Reply(200, new JsonObject { ["id"] = 1, ["number"] = PullNumber,
                ["state"] = "open", ["head"] = new JsonObject { ["sha"] = HeadSha, ["ref"] = "feature" } }),
            ("POST", var r) when StatusRoute().IsMatch(r) => Reply(201, new JsonObject { ["id"] = 5,
                ["state"] = Json(request)["state"]!.GetValue<string>(), ["context"] = Json(request)["context"]!.GetValue<string>() }),
            ("GET", "git/refs/heads/main") => Reply(200, new JsonObject { ["ref"] = "refs/heads/main",
                ["object"] = new JsonObject { ["type"] = "commit", ["sha"] = "base-sha" } }),
            ("GET", "git/commits/base-sha") => Reply(200, new JsonObject { ["sha"] = "base-sha",
                ["tree"] = new JsonObject { ["sha"] = "base-tree" } }),
            ("POST", "git/trees") => Reply(201, new JsonObject { ["sha"] = "new-tree" }),
            ("POST", "git/commits") => Reply(201, new JsonObject { ["sha"] = "new-commit", ["tree"] = new JsonObject { ["sha"] = "new-tree" } }),
            ("POST", "git/refs") => Reply(201, new JsonObject { ["ref"] = Json(request)["ref"]!.GetValue<string>(),
                ["object"] = new JsonObject { ["type"] = "commit", ["sha"] = "new-commit" } }),
            ("POST", "pulls") => Reply(201, new JsonObject { ["number"] = OpenedPullNumber,
                ["html_url"] = $"https://github.example/{repository}/pull/{OpenedPullNumber}", ["state"] = "open", ["title"] =
                Json(request)["title"]!.GetValue<string>() }),
            ("POST", "deployments") => Reply(201, new JsonObject { ["id"] = DeploymentId, ["sha"] = "abc", ["ref"] = "main",
                ["environment"] = Json(request)["environment"]!.GetValue<string>() }),
            ("POST", var r) when r == $"deployments/{DeploymentId}/statuses" => Reply(201, new JsonObject { ["id"] = 7,
                ["state"] = Json(request)["state"]!.GetValue<string>() }),
            _ => NotFound,
        };
    }

    private HttpReply AddComment(string text)
    {
        var id = nextCommentId++;
        Comments.Add((id, text));
        return Reply(201, Comment(id, text));
    }

    private HttpReply UpdateComment(long id, string text)
    {
        var index = Comments.FindIndex(c => c.Id == id);
        Comments[index] = (id, text);
        return Reply(200, Comment(id, text));
    }

    private JsonObject Comment(long id, string text) => new()
    {
        ["id"] = id,
        ["body"] = text,
        ["html_url"] = $"{BaseAddress}{repository}/pull/{PullNumber}#issuecomment-{id}",
        ["user"] = People.TryGetValue(id, out var person) ? new JsonObject { ["login"] = person, ["id"] = 2, ["type"] = "User" }
            : new JsonObject { ["login"] = "repoml-bot", ["id"] = 1, ["type"] = "Bot" },
    };

    private static JsonNode Json(RecordedHttpRequest request) => JsonNode.Parse(request.Text)!;

    private static HttpReply Reply(int status, JsonNode body) => new(status, body.ToJsonString());

    [GeneratedRegex(@"^issues/comments/(\d+)$")]
    private static partial Regex CommentRoute();

    [GeneratedRegex(@"^statuses/[0-9a-f]{40}$")]
    private static partial Regex StatusRoute();
}
