namespace RepoML.Cli.Tests.Pipelines;

public sealed class StoreCommandTests
{
    [Fact]
    public async Task Should_reuse_a_ci_run_on_a_laptop_When_outputs_are_shared_through_a_team_store()
    {
        // Given CI ran the pipeline and pushed to a shared folder
        using var ci = ShellPipeline.Create();
        using var laptop = ShellPipeline.Create();
        var team = Path.Combine(ci.Root, "..", Path.GetFileName(ci.Root) + "-team-store");
        try
        {
            Assert.Equal(0, (await ci.RunAsync("run", "pipelines/p.yml")).ExitCode);
            var push = await ci.RunAsync("store", "push", team, "--output", "json");
            using var pushed = JsonDocument.Parse(push.Output);
            Assert.True(pushed.RootElement.GetProperty("copied_objects").GetInt32() > 0);
            Assert.Equal(4, pushed.RootElement.GetProperty("copied_cache_entries").GetInt32());

            // When a laptop with the same files pulls and runs
            var pull = await laptop.RunAsync("store", "pull", team);
            var run = await laptop.RunAsync("run", "pipelines/p.yml", "--output", "json");

            // Then nothing runs on the laptop: every job is reused
            Assert.Equal(0, pull.ExitCode);
            Assert.Empty(ShellPipeline.TakeRanJobs(laptop));
            using var json = JsonDocument.Parse(run.Output);
            Assert.All(json.RootElement.GetProperty("jobs").EnumerateArray(), j => Assert.True(j.GetProperty("cached").GetBoolean()));

            // And a second push copies nothing
            var again = await ci.RunAsync("store", "push", team, "--output", "json");
            using var repeated = JsonDocument.Parse(again.Output);
            Assert.Equal(0, repeated.RootElement.GetProperty("copied_objects").GetInt32());
        }
        finally
        {
            if (Directory.Exists(team))
            {
                Directory.Delete(team, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Should_report_corrupt_object_When_a_stored_file_is_altered()
    {
        using var workspace = ShellPipeline.Create();
        await workspace.RunAsync("run", "pipelines/p.yml");
        var victim = Directory.EnumerateFiles(Path.Combine(workspace.Root, ".repoml", "store", "objects"), "*", SearchOption.AllDirectories).First();
        File.SetAttributes(victim, FileAttributes.Normal);
        await File.AppendAllTextAsync(victim, "tampered");

        var verify = await workspace.RunAsync("store", "verify");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("1 corrupt", verify.Output, StringComparison.Ordinal);
    }
}
