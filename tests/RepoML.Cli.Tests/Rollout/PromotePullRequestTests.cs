namespace RepoML.Cli.Tests.Rollout;

/// <summary><c>repoml promote --via pull-request</c> through Octokit against a local GitHub API stand-in.</summary>
public sealed class PromotePullRequestTests
{
    [Fact]
    public async Task Should_open_a_pull_request_with_the_edited_files_When_promoting_via_pull_request()
    {
        // Given: credit:1 and credit:2 registered; the endpoint still on @latest.
        using var workspace = PromotionWorkspace.Create();
        foreach (var (folder, text) in new[] { ("v1", "one"), ("v2", "two") })
        {
            workspace.Write($"{folder}/model.onnx", text);
            Assert.Equal(0, (await workspace.RunAsync("register", "models/credit.yml", "--path", folder)).ExitCode);
        }

        using var github = new GitHubApiStandIn("acme/credit");
        var head = TestGit.Run(workspace.Root, "rev-parse", "HEAD");
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_TOKEN"] = "test-token",
            ["GITHUB_API_URL"] = github.BaseAddress.ToString(),
            ["GITHUB_REPOSITORY"] = "acme/credit",
        };

        // When
        var (exit, output, error) = await CliRunner.RunAsync(workspace.Root, ["promote", "endpoints/credit", "--via", "pull-request", "-o",
            "json"], environment);

        // Then: the Git data API calls (Octokit prefixes /api/v3 on a GitHub Enterprise address), in order, with their bodies; nothing
        // committed locally.
        Assert.True(exit == 0, error.ToString());
        var requests = github.Requests;
        Assert.Equal(
        [
            "GET /api/v3/repos/acme/credit/git/refs/heads/main",
            "GET /api/v3/repos/acme/credit/git/commits/base-sha",
            "POST /api/v3/repos/acme/credit/git/trees",
            "POST /api/v3/repos/acme/credit/git/commits",
            "POST /api/v3/repos/acme/credit/git/refs",
            "POST /api/v3/repos/acme/credit/pulls",
        ], requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(requests, r => Assert.Equal("Token test-token", r.Headers["Authorization"]));
        var tree = JsonNode.Parse(requests[2].Text)!;
        Assert.Equal("base-tree", tree["base_tree"]!.GetValue<string>());
        var files = tree["tree"]!.AsArray().ToDictionary(t => t!["path"]!.GetValue<string>(), t => t!);
        // blue.yml is not in the tree: the sample already pins it to the version it serves (azureml:credit:1).
        Assert.Equal(["endpoints/credit/endpoint.yml", "endpoints/credit/green.yml"], files.Keys);
        Assert.All(files.Values, f => Assert.Equal(("100644", "blob"), (f["mode"]!.GetValue<string>(), f["type"]!.GetValue<string>())));
        Assert.Contains("model: azureml:credit:2", files["endpoints/credit/green.yml"]["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("  blue: 100\n  green: 0\n", files["endpoints/credit/endpoint.yml"]["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var commit = JsonNode.Parse(requests[3].Text)!;
        Assert.Equal("new-tree", commit["tree"]!.GetValue<string>());
        Assert.Equal(["base-sha"], commit["parents"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.StartsWith("Promote credit:2 on credit: prepare green with azureml:credit:2 at 0 %\n\nWhy: ",
            commit["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("""{"ref":"refs/heads/repoml/promote/credit/v2-prepare-step0","sha":"new-commit"}""", requests[4].Text);
        var pull = JsonNode.Parse(requests[5].Text)!;
        Assert.Equal("Promote credit:2 on credit: prepare green with azureml:credit:2 at 0 %", pull["title"]!.GetValue<string>());
        Assert.Equal(("repoml/promote/credit/v2-prepare-step0", "main"), (pull["head"]!.GetValue<string>(), pull["base"]!.GetValue<string>()));
        Assert.Contains("RepoML-Promotion: prepare credit:2 step 0/3", pull["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(42, JsonDocument.Parse(output.ToString()).RootElement.GetProperty("pull_request").GetProperty("number").GetInt32());
        Assert.Equal(head, TestGit.Run(workspace.Root, "rev-parse", "HEAD"));
        Assert.Contains("model: azureml:credit:1", File.ReadAllText(Path.Combine(workspace.Root, "endpoints/credit/green.yml")),
            StringComparison.Ordinal); // untouched: the change lives only in the PR
    }
}
