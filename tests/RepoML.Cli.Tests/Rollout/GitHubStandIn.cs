using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RepoML.Cli.Tests.Rollout;

/// <summary>A local stand-in of the GitHub REST API (Git data and pulls) on 127.0.0.1 that records every request.</summary>
internal sealed class GitHubStandIn : IAsyncDisposable
{
    private readonly WebApplication app;

    private GitHubStandIn(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    public ConcurrentQueue<(string Method, string Path, string Body, string Authorization)> Requests { get; } = new();

    public static async Task<GitHubStandIn> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new GitHubStandIn(app);
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        standIn.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return standIn;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        var path = http.Request.Path.Value!;
        Requests.Enqueue((http.Request.Method, path, body, http.Request.Headers.Authorization.ToString()));
        JsonObject answer = (http.Request.Method, path) switch
        {
            ("GET", var p) when p.Contains("/git/ref", StringComparison.Ordinal) => new() { ["ref"] = "refs/heads/main", ["object"] = new JsonObject { ["type"] = "commit", ["sha"] = "base-sha" } },
            ("GET", var p) when p.Contains("/git/commits/", StringComparison.Ordinal) => new() { ["sha"] = "base-sha", ["tree"] = new JsonObject { ["sha"] = "base-tree" } },
            ("POST", var p) when p.EndsWith("/git/trees", StringComparison.Ordinal) => new() { ["sha"] = "new-tree" },
            ("POST", var p) when p.EndsWith("/git/commits", StringComparison.Ordinal) => new() { ["sha"] = "new-commit", ["tree"] = new JsonObject { ["sha"] = "new-tree" } },
            ("POST", var p) when p.EndsWith("/git/refs", StringComparison.Ordinal) => new() { ["ref"] = JsonNode.Parse(body)!["ref"]!.GetValue<string>(), ["object"] = new JsonObject { ["type"] = "commit", ["sha"] = "new-commit" } },
            ("POST", var p) when p.EndsWith("/pulls", StringComparison.Ordinal) => new() { ["number"] = 42, ["html_url"] = "https://github.example/acme/credit/pull/42", ["state"] = "open", ["title"] = JsonNode.Parse(body)!["title"]!.GetValue<string>() },
            _ => new() { ["message"] = "Not Found" },
        };
        http.Response.StatusCode = answer.ContainsKey("message") ? 404 : http.Request.Method == "POST" ? 201 : 200;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(answer.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
