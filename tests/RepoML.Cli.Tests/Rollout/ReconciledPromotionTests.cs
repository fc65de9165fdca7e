using RepoML.Serving.Hosting;
using static RepoML.Cli.Tests.Rollout.PromotionWorkspace;

namespace RepoML.Cli.Tests.Rollout;

/// <summary>
/// Issue #23: what Git says is live is what the endpoint serves, or promotion stops. A version registered while the server
/// runs is promoted; traffic moves onto it only once the live deployment serves that version's digest.
/// </summary>
public sealed class ReconciledPromotionTests
{
    [Fact]
    public async Task Should_refuse_to_shift_traffic_When_the_live_deployment_does_not_serve_the_promoted_digest()
    {
        // Given: credit:1 served; credit:2 registered while the server runs, which applies changes only when asked.
        using var workspace = PromotionWorkspace.Create();
        await using var live = await ServeFirstThenRegisterSecondAsync(workspace);
        var digest2 = Digest(workspace, "azureml:credit:2");

        // When: the first step is committed but not applied by the server.
        Assert.Equal("prepare", (await Promote(workspace, live, 0, "--wait", "0s")).GetProperty("action").GetString());
        var refused = await Promote(workspace, live, 1, "--wait", "0s");
        var status = await workspace.RunAsync("status", "endpoints/credit", "--url", live.Address.ToString(), "-o", "json");

        // Then: promote refuses with the drift, and status shows green serving credit:1 where Git says credit:2.
        Assert.Equal("blocked", refused.GetProperty("action").GetString());
        Assert.Contains("green serves credit:1", refused.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains($"Git says credit:2 ({digest2[..19]})", refused.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, status.ExitCode);
        var green = JsonNode.Parse(status.Output)!["deployments"]!.AsArray().Single(d => (string)d!["name"]! == "green")!;
        Assert.False((bool)green["in_sync"]!);
        Assert.Equal("1", (string?)green["observed"]!["version"]);
        Assert.Equal(digest2, (string?)green["desired"]!["digest"]);
        Assert.Equal(10, (int)(await live.JsonAsync("/health/ready"))["traffic"]!["green"]!);

        // When: the server applies the step.
        await live.ReloadAsync();
        var metadata = await live.JsonAsync("/v2/models/green");
        var inSync = await workspace.RunAsync("status", "endpoints/credit", "--url", live.Address.ToString());
        var shifted = await Promote(workspace, live, 0, "--wait", "0s");

        // Then: green serves credit:2's digest, and only now does traffic move onto it.
        Assert.Equal("2", (string?)metadata["versions"]![0]);
        Assert.Equal(digest2, (string?)metadata["repoml"]!["digest"]);
        Assert.Equal("credit", (string?)metadata["repoml"]!["model"]);
        Assert.Equal("shift", shifted.GetProperty("action").GetString());
        Assert.Equal(10, shifted.GetProperty("traffic").GetProperty("green").GetInt32());
        Assert.True(inSync.ExitCode == 0, inSync.Output + inSync.Error);
        Assert.Contains("In sync", inSync.Output, StringComparison.Ordinal);
        Assert.Contains($"Live: blue credit:1", TestGit.Run(workspace.Root, "log", "-1", "--format=%B"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_wait_and_then_shift_When_the_live_endpoint_applies_the_step_while_promote_waits()
    {
        // Given: credit:2 prepared on green, not yet applied.
        using var workspace = PromotionWorkspace.Create();
        await using var live = await ServeFirstThenRegisterSecondAsync(workspace);
        await Promote(workspace, live, 0, "--wait", "0s");

        // When: promote waits, and the server applies the step a second later.
        var promoting = workspace.RunAsync("promote", "endpoints/credit", "--metrics-url", live.MetricsUrl, "--wait", "30s", "-o", "json");
        await Task.Delay(1000);
        Assert.False(promoting.IsCompleted, "promote did not wait for the live endpoint");
        await live.ReloadAsync();
        var run = await promoting;

        // Then
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("waiting up to 30s for the live endpoint to serve what Git says: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("green serves credit:1", run.Error, StringComparison.Ordinal);
        Assert.Contains("the live endpoint serves what Git says (after ", run.Error, StringComparison.Ordinal);
        Assert.Equal("shift", JsonDocument.Parse(run.Output).RootElement.GetProperty("action").GetString());
    }

    [Fact]
    public async Task Should_serve_a_newly_registered_version_When_a_deployment_follows_latest()
    {
        // Given: green follows credit@latest; the server runs and watches.
        using var workspace = PromotionWorkspace.Create();
        Register(workspace, "v1", TestModels.Iris, "First");
        var green = Path.Combine(workspace.Root, "endpoints/credit/green.yml");
        File.WriteAllText(green, File.ReadAllText(green).Replace("azureml:credit:1", "azureml:credit@latest", StringComparison.Ordinal));
        TestGit.Run(workspace.Root, "commit", "-q", "-am", "green follows latest");
        await using var live = await LiveEndpoint.StartAsync(workspace.Root);
        Assert.Equal("1", (string?)(await live.JsonAsync("/v2/models/green"))["versions"]![0]);
        var applied = await live.ReloadsAsync();

        // When: credit:2 is registered (a commit, no endpoint file changes).
        Register(workspace, "v2", TestModels.Diabetes, "Second");
        await live.WaitForReloadAsync(applied);

        // Then: without a restart, green serves credit:2, and says so everywhere.
        var ready = await live.JsonAsync("/health/ready");
        Assert.Equal("2", (string?)ready["models"]!["green"]!["version"]);
        Assert.Equal(Digest(workspace, "azureml:credit:2"), (string?)ready["models"]!["green"]!["digest"]);
        Assert.Equal("1", (string?)ready["models"]!["blue"]!["version"]);
        Assert.Contains($"repoml_deployment_model_info{{deployment=\"green\",model=\"credit\",version=\"2\",digest=\"{Digest(workspace,
            "azureml:credit:2")}\"}} 1", await live.MetricsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_count_the_reload_as_failed_and_keep_the_old_model_When_the_new_version_cannot_be_resolved()
    {
        // Given
        using var workspace = PromotionWorkspace.Create();
        Register(workspace, "v1", TestModels.Iris, "First");
        await using var live = await LiveEndpoint.StartAsync(workspace.Root, watch: false);
        var applied = await live.ReloadsAsync();

        // When: green is pointed at a version that is not registered.
        var green = Path.Combine(workspace.Root, "endpoints/credit/green.yml");
        File.WriteAllText(green, File.ReadAllText(green).Replace("azureml:credit:1", "azureml:credit:9", StringComparison.Ordinal));
        await live.ReloadAsync();

        // Then: counted as failed, not applied; green keeps serving credit:1 and readiness says why.
        Assert.Equal(applied, await live.ReloadsAsync());
        Assert.Equal(1, await live.ReloadsAsync("failed"));
        var ready = await live.JsonAsync("/health/ready");
        Assert.Equal("failed", (string?)ready["models"]!["green"]!["last_reload"]);
        Assert.Contains("credit:9", (string?)ready["models"]!["green"]!["error"], StringComparison.Ordinal);
        Assert.Equal("1", (string?)ready["models"]!["green"]!["version"]);
        Assert.Equal("failed", (string?)ready["reload"]!["outcome"]);
        Assert.Contains("repoml_deployment_reload_failed{deployment=\"green\"} 1", await live.MetricsAsync(), StringComparison.Ordinal);
        var status = await workspace.RunAsync("status", "endpoints/credit", "--url", live.MetricsUrl);
        Assert.Equal(1, status.ExitCode);
        Assert.Contains("last reload failed", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_mirror_traffic_to_a_live_deployment_with_validates_diagnostic_When_hot_reloaded()
    {
        // Given
        using var workspace = PromotionWorkspace.Create();
        Register(workspace, "v1", TestModels.Iris, "First");
        await using var live = await LiveEndpoint.StartAsync(workspace.Root, watch: false);
        var endpoint = Path.Combine(workspace.Root, "endpoints/credit/endpoint.yml");

        // When: green, which takes 10 % of live traffic, is also given mirrored traffic.
        File.AppendAllText(endpoint, "mirror_traffic:\n  green: 10\n");
        var refused = await Assert.ThrowsAsync<EndpointLoadException>(live.ReloadAsync);
        var validate = await workspace.RunAsync("validate", "endpoints/credit/endpoint.yml");

        // Then: the same diagnostic, at the same place, as repoml validate; nothing changed.
        var line = File.ReadAllLines(endpoint).Length;
        Assert.Contains($"endpoints/credit/endpoint.yml:{line}:3: error RML0303", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"endpoints/credit/endpoint.yml:{line}:3: error RML0303", validate.Output + validate.Error, StringComparison.Ordinal);
        Assert.Equal(1, await live.ReloadsAsync("rejected"));
        Assert.Equal(0, await live.ReloadsAsync("failed"));
    }

    [Fact]
    public async Task Should_report_the_deployment_as_not_served_When_a_registered_versions_files_are_not_in_the_store()
    {
        // Given: credit:1 registered, but its files are gone from the store (a fresh clone without 'repoml store pull').
        using var workspace = PromotionWorkspace.Create();
        Register(workspace, "v1", TestModels.Iris, "First");
        Directory.Delete(Path.Combine(workspace.Root, ".repoml", "store"), recursive: true);

        // When
        await using var live = await LiveEndpoint.StartAsync(workspace.Root, watch: false);
        var ready = await live.JsonAsync("/health/ready");

        // Then: the server runs and says why, instead of failing to start
        Assert.False((bool)ready["ready"]!);
        Assert.Contains("credit:1 is registered but its files cannot be restored", (string?)ready["models"]!["blue"]!["error"],
            StringComparison.Ordinal);
        Assert.Equal(1, await live.ReloadsAsync("failed"));
    }

    /// <summary>credit:1 registered and served by an endpoint that applies changes only when asked; then credit:2 registered.</summary>
    private static async Task<LiveEndpoint> ServeFirstThenRegisterSecondAsync(TempWorkspace workspace)
    {
        Register(workspace, "v1", TestModels.Iris, "First");
        var live = await LiveEndpoint.StartAsync(workspace.Root, watch: false);
        try
        {
            Register(workspace, "v2", TestModels.Diabetes, "Second");
            return live;
        }
        catch
        {
            await live.DisposeAsync();
            throw;
        }
    }

    private static async Task<JsonElement> Promote(TempWorkspace workspace, LiveEndpoint live, int expectedExit, params string[] extra)
    {
        var run = await workspace.RunAsync(["promote", "endpoints/credit", "--metrics-url", live.MetricsUrl, "-o", "json", .. extra]);
        Assert.True(run.ExitCode == expectedExit, $"exit {run.ExitCode}: {run.Output}{run.Error}");
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }
}
