using static RepoML.Cli.Tests.Rollout.PromotionWorkspace;

namespace RepoML.Cli.Tests.Rollout;

/// <summary>
/// The issue's done-when: on the sample workspace in a temporary Git repository, register v2, promote through every step
/// against a live server, then register a model that errors, watch its gate fail and the promotion roll back; Git history
/// shows each step with its reason.
/// </summary>
public sealed class PromoteEndToEndTests
{
    [Fact]
    public async Task Should_promote_step_by_step_and_roll_back_a_failing_version_When_driven_against_a_live_endpoint()
    {
        // Given: credit:1 registered and served by blue (90 %) and green (10 %).
        using var workspace = PromotionWorkspace.Create();
        Register(workspace, "v1", TestModels.Iris, "First credit model");
        await using var live = await LiveEndpoint.StartAsync(workspace.Root);
        Assert.All(await live.ScoreAsync(20), r => Assert.Equal(200, r.Status));

        // When: credit:2 is registered and promoted until the plan is done.
        Register(workspace, "v2", TestModels.Iris, "Retrained credit model");
        var dryRun = await workspace.RunAsync("promote", "endpoints/credit", "--dry-run", "--metrics-url", live.MetricsUrl);
        Assert.Contains("prepare: would prepare green with azureml:credit:2 at 0 %", dryRun.Output, StringComparison.Ordinal);
        Assert.Equal(1, Count(workspace));

        var actions = new List<string>();
        for (var round = 0; round < 6; round++)
        {
            var reloads = await live.ReloadsAsync();
            var run = await Promote(workspace, live);
            actions.Add(run.Action);
            if (run.Action == "uptodate")
            {
                break;
            }

            if (run.Action is "prepare" or "shift")
            {
                await live.WaitForReloadAsync(reloads);
            }

            var results = await live.ScoreAsync(40, 25, "green");
            Assert.All(results, r => Assert.Equal(200, r.Status));
        }

        // Then
        Assert.Equal(["prepare", "shift", "shift", "shift", "complete", "uptodate"], actions);
        Assert.Contains("green: 100", File.ReadAllText(Path.Combine(workspace.Root, "endpoints/credit/endpoint.yml")), StringComparison.Ordinal);
        Assert.Contains("model: azureml:credit:2", File.ReadAllText(Path.Combine(workspace.Root, "endpoints/credit/green.yml")),
            StringComparison.Ordinal);
        Assert.Contains("# A custom container", File.ReadAllText(Path.Combine(workspace.Root, "endpoints/credit/green.yml")),
            StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse((await workspace.RunAsync("models", "show", "credit@prod", "-o",
            "json")).Output).RootElement.GetProperty("version").GetInt32());

        // When: credit:3 is a model that fails on the endpoint's requests.
        Register(workspace, "v3", TestModels.Diabetes, "A model trained on the wrong features");
        var reload = await live.ReloadsAsync();
        Assert.Equal("prepare", (await Promote(workspace, live)).Action);
        await live.WaitForReloadAsync(reload);
        reload = await live.ReloadsAsync();
        Assert.Equal("shift", (await Promote(workspace, live)).Action);
        await live.WaitForReloadAsync(reload);
        var failing = await live.ScoreAsync(0, 30, "blue");
        Assert.All(failing, r => Assert.Equal(400, r.Status));
        var rollback = await Promote(workspace, live, expectedExit: 4);
        var again = await Promote(workspace, live, expectedExit: 1);

        // Then: traffic and model are back on the last good version, and credit:3 is not retried on its own.
        Assert.Equal("rollback", rollback.Action);
        Assert.Equal("blocked", again.Action);
        var endpoint = File.ReadAllText(Path.Combine(workspace.Root, "endpoints/credit/endpoint.yml"));
        Assert.Contains("blue: 0", endpoint, StringComparison.Ordinal);
        Assert.Contains("green: 100", endpoint, StringComparison.Ordinal);
        Assert.Contains("model: azureml:credit:2", File.ReadAllText(Path.Combine(workspace.Root, "endpoints/credit/blue.yml")),
            StringComparison.Ordinal);
        await live.WaitForReloadAsync(reload + 1);
        Assert.All(await live.ScoreAsync(20), r => Assert.Equal((200, "green"), (r.Status, r.Deployment)));

        // And: history tells each step, who asked and why.
        var log = TestGit.Run(workspace.Root, "log", "--format=%s", "--", "endpoints/credit", "registry/models/credit/labels").Split('\n',
            StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "Promote credit:3 on credit: roll back azureml:credit:3: green 100 %",
            "Promote credit:3 on credit: blue (azureml:credit:3) 0 % → 10 %",
            "Promote credit:3 on credit: prepare blue with azureml:credit:3 at 0 %",
            "Promote credit:2 on credit: azureml:credit:2 is @prod on credit",
            "Promote credit:2 on credit: green (azureml:credit:2) 50 % → 100 %",
            "Promote credit:2 on credit: green (azureml:credit:2) 10 % → 50 %",
            "Promote credit:2 on credit: green (azureml:credit:2) 0 % → 10 %",
            "Promote credit:2 on credit: prepare green with azureml:credit:2 at 0 %",
            "Sample workspace",
        ], log);
        var rollbackMessage = TestGit.Run(workspace.Root, "log", "-1", "--format=%B", "--", "endpoints/credit");
        Assert.Contains("Why: blue (azureml:credit:3) failed error rate at step 1 of 3 (10 %)", rollbackMessage, StringComparison.Ordinal);
        Assert.Contains("- error rate 100.00 % (limit ≤ 1.00 %): FAIL", rollbackMessage, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^Requested-by: \S.+$", rollbackMessage);
        Assert.Contains("RepoML-Rolled-Back: credit:3", rollbackMessage, StringComparison.Ordinal);
    }

    private static async Task<(string Action, JsonElement Json)> Promote(TempWorkspace workspace, LiveEndpoint live, int expectedExit = 0)
    {
        var run = await workspace.RunAsync("promote", "endpoints/credit", "--metrics-url", live.MetricsUrl, "-o", "json");
        Assert.True(run.ExitCode == expectedExit, $"exit {run.ExitCode}: {run.Output}{run.Error}");
        var json = JsonDocument.Parse(run.Output).RootElement;
        return (json.GetProperty("action").GetString()!, json);
    }

    private static int Count(TempWorkspace workspace) => int.Parse(TestGit.Run(workspace.Root, "rev-list", "--count", "HEAD", "--",
        "endpoints").Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
