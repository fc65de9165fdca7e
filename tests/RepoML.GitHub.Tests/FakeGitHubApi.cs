using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RepoML.GitHub.Tests;

/// <summary>
/// A stand-in for GitHub Enterprise's REST API on 127.0.0.1 (Octokit calls <c>/api/v3/...</c> on a non-github.com
/// host): issue comments (list, create, update), pull request head and commit statuses. Records every request.
/// </summary>
internal sealed partial class FakeGitHubApi : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;
    private long nextId = 100;

    public FakeGitHubApi()
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseAddress.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public string HeadSha { get; set; } = "0123456789abcdef0123456789abcdef01234567";

    /// <summary>Comments on the pull request, by id, in creation order.</summary>
    public List<(long Id, string Body)> Comments { get; } = [];

    public List<(string Method, string Path, string Body)> Requests { get; } = [];

    /// <summary>The Authorization header of each request.</summary>
    public List<string?> Authorizations { get; } = [];

    public (string Method, string Path)[] Calls => [.. Requests.Select(r => (r.Method, r.Path))];

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url!.AbsolutePath;
            lock (Requests)
            {
                Requests.Add((context.Request.HttpMethod, path, body));
                Authorizations.Add(context.Request.Headers["Authorization"]);
            }

            var (status, response) = Handle(context.Request.HttpMethod, path, body);
            var bytes = Encoding.UTF8.GetBytes(response.ToJsonString());
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private (int Status, JsonNode Body) Handle(string method, string path, string body)
    {
        if (method == "GET" && CommentsPath().IsMatch(path))
        {
            return (200, new JsonArray([.. Comments.Select(c => Comment(c.Id, c.Body))]));
        }

        if (method == "POST" && CommentsPath().IsMatch(path))
        {
            var id = nextId++;
            Comments.Add((id, Text(body, "body")));
            return (201, Comment(id, Text(body, "body")));
        }

        if (method == "PATCH" && CommentPath().Match(path) is { Success: true } m)
        {
            var id = long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var index = Comments.FindIndex(c => c.Id == id);
            Comments[index] = (id, Text(body, "body"));
            return (200, Comment(id, Text(body, "body")));
        }

        if (method == "GET" && PullPath().IsMatch(path))
        {
            return (200, new JsonObject { ["id"] = 1, ["number"] = 7, ["state"] = "open", ["head"] = new JsonObject { ["sha"] = HeadSha, ["ref"] = "feature" } });
        }

        if (method == "POST" && StatusPath().IsMatch(path))
        {
            var request = JsonNode.Parse(body)!;
            return (201, new JsonObject { ["id"] = 5, ["state"] = request["state"]!.GetValue<string>(), ["context"] = request["context"]!.GetValue<string>() });
        }

        return (404, new JsonObject { ["message"] = "Not Found" });
    }

    private JsonObject Comment(long id, string text) => new()
    {
        ["id"] = id,
        ["body"] = text,
        ["html_url"] = $"{BaseAddress}o/r/pull/7#issuecomment-{id}",
        ["user"] = new JsonObject { ["login"] = "repoml-bot", ["id"] = 1 },
    };

    private static string Text(string json, string property) => JsonDocument.Parse(json).RootElement.GetProperty(property).GetString()!;

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^/api/v3/repos/o/r/issues/7/comments$")]
    private static partial Regex CommentsPath();

    [GeneratedRegex(@"^/api/v3/repos/o/r/issues/comments/(\d+)$")]
    private static partial Regex CommentPath();

    [GeneratedRegex(@"^/api/v3/repos/o/r/pulls/7$")]
    private static partial Regex PullPath();

    [GeneratedRegex(@"^/api/v3/repos/o/r/statuses/[0-9a-f]{40}$")]
    private static partial Regex StatusPath();
}
