namespace RepoML.Cli.Tests.Pipelines;

public sealed class RunCommandTests
{
    private static async Task<JsonElement> RunJson(TempWorkspace workspace, params string[] extra)
    {
        var run = await workspace.RunAsync(["run", "pipelines/p.yml", "--output", "json", .. extra]);
        Assert.True(run.Output.TrimStart().StartsWith('{'), run.Output + run.Error);
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }

    private static JsonElement Job(JsonElement run, string name) => run.GetProperty("jobs").EnumerateArray().Single(j
        => j.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Should_run_every_job_and_report_outputs_When_pipeline_runs_first_time()
    {
        using var workspace = ShellPipeline.Create();

        var run = await RunJson(workspace);

        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal(["a", "b", "c", "d"], ShellPipeline.TakeRanJobs(workspace).Order());
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            Assert.False(Job(run, name).GetProperty("cached").GetBoolean());
            Assert.StartsWith("sha256:", Job(run, name).GetProperty("outputs").GetProperty("out").GetString(), StringComparison.Ordinal);
        }

        var runId = run.GetProperty("run_id").GetString()!;
        var d = File.ReadAllText(Path.Combine(workspace.Root, ".repoml", "runs", runId, "jobs", "d", "outputs", "out", "d.txt")).Trim();
        Assert.Equal("12", d); // "ALPHA\n" twice
    }

    [Fact]
    public async Task Should_reuse_every_job_When_nothing_changed()
    {
        using var workspace = ShellPipeline.Create();
        var first = await RunJson(workspace);
        ShellPipeline.TakeRanJobs(workspace);

        var second = await RunJson(workspace);

        Assert.Empty(ShellPipeline.TakeRanJobs(workspace));
        Assert.All(second.GetProperty("jobs").EnumerateArray(), j => Assert.True(j.GetProperty("cached").GetBoolean()));
        Assert.Equal(Job(first, "d").GetProperty("outputs").GetRawText(), Job(second, "d").GetProperty("outputs").GetRawText());
    }

    [Fact]
    public async Task Should_rerun_only_dependent_jobs_and_say_why_When_one_data_file_changes()
    {
        // Given a completed run
        using var workspace = ShellPipeline.Create();
        await RunJson(workspace);
        ShellPipeline.TakeRanJobs(workspace);

        // When b's input changes
        workspace.Write("data/b.txt", "gamma\n");
        var run = await RunJson(workspace);

        // Then only b runs again, and it says which input changed
        Assert.Equal(["b"], ShellPipeline.TakeRanJobs(workspace));
        Assert.Contains("input 'src' changed", Job(run, "b").GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(Job(run, "c").GetProperty("cached").GetBoolean());
    }

    [Fact]
    public async Task Should_stop_at_unchanged_output_When_upstream_reruns_but_produces_same_bytes()
    {
        // Given a completed run, and a.txt rewritten with the same content (a new mtime)
        using var workspace = ShellPipeline.Create();
        await RunJson(workspace);
        ShellPipeline.TakeRanJobs(workspace);
        File.SetLastWriteTimeUtc(Path.Combine(workspace.Root, "data", "a.txt"), DateTime.UtcNow.AddMinutes(5));

        // When it runs again
        await RunJson(workspace);

        // Then nothing runs: digests, not timestamps, decide
        Assert.Empty(ShellPipeline.TakeRanJobs(workspace));
    }

    [Fact]
    public async Task Should_rerun_jobs_When_a_literal_input_is_overridden()
    {
        using var workspace = ShellPipeline.Create();
        await RunJson(workspace);
        ShellPipeline.TakeRanJobs(workspace);

        var run = await RunJson(workspace, "--set", "inputs.greeting=bonjour");

        Assert.Equal(["b"], ShellPipeline.TakeRanJobs(workspace));
        Assert.Contains("literal:hello → literal:bonjour", Job(run, "b").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_skip_dependents_and_stop_When_a_job_fails()
    {
        // Given c fails
        using var workspace = ShellPipeline.Create(cCommand: "echo broken >&2; exit 3");

        // When the pipeline runs
        var run = await workspace.RunAsync("run", "pipelines/p.yml", "--output", "json");

        // Then the run fails, c reports its exit code and stderr, d is skipped
        Assert.Equal(1, run.ExitCode);
        var json = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("failed", json.GetProperty("status").GetString());
        Assert.Equal("failed", Job(json, "c").GetProperty("status").GetString());
        Assert.Contains("exit code 3: broken", Job(json, "c").GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("skipped", Job(json, "d").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Should_rerun_everything_When_force_rerun_is_set()
    {
        using var workspace = ShellPipeline.Create();
        await RunJson(workspace);
        ShellPipeline.TakeRanJobs(workspace);

        var run = await RunJson(workspace, "--force-rerun");

        Assert.Equal(4, ShellPipeline.TakeRanJobs(workspace).Count);
        Assert.Equal("ran: force_rerun", Job(run, "a").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Should_keep_logs_and_write_run_record_When_run_completes()
    {
        using var workspace = ShellPipeline.Create();
        var run = await RunJson(workspace);
        var runId = run.GetProperty("run_id").GetString()!;

        var shown = await workspace.RunAsync("runs", "show", runId, "--output", "json");
        var listed = await workspace.RunAsync("runs", "list", "--output", "json");

        using var record = JsonDocument.Parse(shown.Output);
        Assert.Equal("pipelines/p.yml", record.RootElement.GetProperty("pipeline").GetString());
        Assert.StartsWith("sha256:", record.RootElement.GetProperty("pipeline_digest").GetString(), StringComparison.Ordinal);
        var jobA = record.RootElement.GetProperty("jobs").EnumerateArray().First();
        Assert.StartsWith("sha256:", jobA.GetProperty("environment_digest").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("sha256:", jobA.GetProperty("inputs").GetProperty("src").GetString(), StringComparison.Ordinal);
        Assert.Contains(runId, listed.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(workspace.Root, ".repoml", "runs", runId, "jobs", "a", "stdout.txt")));
    }

    [Fact]
    public async Task Should_show_the_newest_run_When_asked_for_latest()
    {
        // Given two runs (issue 18: 'runs show latest' failed while compare and register accept 'latest')
        using var workspace = ShellPipeline.Create();
        await RunJson(workspace);
        var second = (await RunJson(workspace, "--force-rerun")).GetProperty("run_id").GetString();

        // When
        var shown = await workspace.RunAsync("runs", "show", "latest", "--output", "json");
        var escape = await workspace.RunAsync("runs", "show", "../runs", "--output", "json");

        // Then the newest one is shown; a path is no run id
        Assert.Equal(0, shown.ExitCode);
        Assert.Equal(second, JsonDocument.Parse(shown.Output).RootElement.GetProperty("run_id").GetString());
        Assert.Equal(2, escape.ExitCode);
    }

    [Fact]
    public async Task Should_exit_2_When_set_names_unknown_input()
    {
        using var workspace = ShellPipeline.Create();

        var run = await workspace.RunAsync("run", "pipelines/p.yml", "--set", "inputs.gretting=x");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("did you mean 'greeting'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_report_diagnostics_and_exit_1_When_pipeline_file_is_invalid()
    {
        // Given a flow mapping whose binding braces break YAML syntax
        using var workspace = ShellPipeline.Create();
        workspace.Write("pipelines/p.yml", ShellPipeline.Pipeline().Replace("    inputs:\n      src: ${{parent.inputs.data}}",
            "    inputs: {src: ${{parent.inputs.data}}}", StringComparison.Ordinal));

        var run = await workspace.RunAsync("run", "pipelines/p.yml");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error RML0001", run.Error, StringComparison.Ordinal);
    }
}
