namespace RepoML.Cli.Tests.Pipelines;

/// <summary>
/// Run records and step-cache entries in <c>.repoml/</c> edited into something else: runs list names and leaves out a damaged record,
/// runs show refuses it by name (exit 1, not an unexpected error), and a damaged cache entry is a cache miss.
/// </summary>
public sealed class DamagedRunStateTests
{
    /// <summary>Cut short, empty, null, and a record whose Git state is null.</summary>
    public static TheoryData<string> DamagedRecords => ["{", "{}", "null", """{"run_id": "x", "git": null}"""];

    /// <summary>Missing outputs and metrics, null outputs, and not an object.</summary>
    public static TheoryData<string> DamagedCacheEntries => ["""{"run_id": "x"}""", """{"run_id": "x", "outputs": null, "metrics": {}}""", "[]"];

    [Theory, MemberData(nameof(DamagedRecords))]
    public async Task Should_name_a_damaged_run_record_and_keep_the_others_When_runs_are_listed_and_shown(string text)
    {
        // Given two runs, then the first one's record replaced
        using var workspace = ShellPipeline.Create();
        var first = await Run(workspace);
        await Run(workspace);
        var record = Path.Combine(workspace.Root, ".repoml", "runs", first, "run.json");
        File.WriteAllText(record, text);

        // When
        var list = await workspace.RunAsync("runs", "list", "--output", "json");
        var show = await workspace.RunAsync("runs", "show", first);

        // Then
        Assert.Equal(0, list.ExitCode);
        Assert.Single(JsonDocument.Parse(list.Output).RootElement.GetProperty("runs").EnumerateArray());
        Assert.Contains($"warning: {record} is not a run record", list.Error, StringComparison.Ordinal);
        Assert.Equal(1, show.ExitCode);
        Assert.Contains($"{record} is not a run record", show.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", show.Error, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(DamagedCacheEntries))]
    public async Task Should_run_the_job_again_When_its_cache_entry_is_damaged(string text)
    {
        // Given a completed run, then every cache entry replaced
        using var workspace = ShellPipeline.Create();
        await Run(workspace);
        ShellPipeline.TakeRanJobs(workspace);
        foreach (var entry in Directory.EnumerateFiles(Path.Combine(workspace.Root, ".repoml", "cache"), "*.json", SearchOption.AllDirectories))
        {
            File.WriteAllText(entry, text);
        }

        // When the pipeline runs again
        var again = await workspace.RunAsync("run", "pipelines/p.yml");

        // Then every job ran, as on a cache miss
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(["a", "b", "c", "d"], ShellPipeline.TakeRanJobs(workspace).Order());
    }

    private static async Task<string> Run(TempWorkspace workspace)
    {
        var run = await workspace.RunAsync("run", "pipelines/p.yml", "--output", "json");
        Assert.Equal(0, run.ExitCode);
        return JsonDocument.Parse(run.Output).RootElement.GetProperty("run_id").GetString()!;
    }
}
