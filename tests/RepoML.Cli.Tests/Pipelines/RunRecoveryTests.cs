using System.Diagnostics;

namespace RepoML.Cli.Tests.Pipelines;

public sealed class RunRecoveryTests
{
    [Fact]
    public async Task Should_kill_steps_and_record_canceled_When_run_is_cancelled()
    {
        // Given a job that would run for a minute
        using var workspace = ShellPipeline.Create(cCommand: "sleep 60");
        using var cancel = new CancellationTokenSource();
        var output = new StringWriter();

        // When the run is cancelled (Ctrl+C) while it sleeps
        var clock = Stopwatch.StartNew();
        var running = CliRunner.RunAsync(workspace.Root, ["run", "pipelines/p.yml", "--output", "json"], output, new StringWriter(),
            cancellation: cancel.Token);
        Assert.True(await JobCStartedAsync(workspace), "timed out waiting for job c to start");
        await cancel.CancelAsync();
        var exit = await running;

        // Then it stops promptly with exit 130 and a run record saying canceled
        Assert.Equal(130, exit);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
        var record = workspace.RunFiles("run.json").Single();
        using var json = JsonDocument.Parse(File.ReadAllText(record));
        Assert.Equal("canceled", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Should_recover_on_next_run_When_runner_process_is_killed_mid_job()
    {
        // Given a real `repoml run` process whose job c writes 20 MB and then stalls
        using var workspace = ShellPipeline.Create(cCommand: "head -c 20000000 /dev/zero > ${{outputs.out}}/c.txt; sleep 30");
        using var runner = CliProcess.Start(workspace.Root, ["run", "pipelines/p.yml"]);
        Assert.True(await JobCStartedAsync(workspace), "timed out waiting for job c to start");

        // When it is killed with SIGKILL
        runner.Kill(entireProcessTree: true);
        await runner.WaitForExitAsync();

        // Then the next run (with c fixed) completes, reusing what finished and redoing the rest
        workspace.Write("pipelines/p.yml", ShellPipeline.Pipeline());
        ShellPipeline.TakeRanJobs(workspace);
        var next = await workspace.RunAsync("run", "pipelines/p.yml", "--output", "json");
        Assert.Equal(0, next.ExitCode);
        Assert.Equal(["c", "d"], ShellPipeline.TakeRanJobs(workspace).Order());
        var store = Path.Combine(workspace.Root, ".repoml", "store", "objects");
        Assert.All(Directory.EnumerateFiles(store, "*", SearchOption.AllDirectories), file => Assert.DoesNotContain(".tmp", file,
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_run_independent_jobs_at_once_When_cores_allow()
    {
        // Given a and b each sleep 1.5 s and are independent
        using var workspace = new TempWorkspace()
            .Write("environments/shell.yml", ShellPipeline.Environment)
            .Write("pipelines/p.yml", ShellPipeline.IndependentJobs("sleep 1.5; date +%s.%N > ${{outputs.out}}/t", "a", "b"));

        // When run with two jobs at once
        var clock = Stopwatch.StartNew();
        var run = await workspace.RunAsync("run", "pipelines/p.yml", "--max-parallel", "2");

        // Then both finish in about one job's time, not two
        Assert.Equal(0, run.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.9), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Should_run_independent_jobs_after_a_failure_When_continue_on_step_failure()
    {
        using var workspace = ShellPipeline.Create(settings: "settings:\n  continue_on_step_failure: true", cCommand: "exit 1");
        // a fails instead of c, so b (independent) must still run
        workspace.Write("pipelines/p.yml", ShellPipeline.Pipeline("settings:\n  continue_on_step_failure: true").Replace("tr a-z A-Z",
            "false &&", StringComparison.Ordinal));

        var run = await workspace.RunAsync("run", "pipelines/p.yml", "--output", "json", "--max-parallel", "1");

        using var json = JsonDocument.Parse(run.Output);
        var status = json.RootElement.GetProperty("jobs").EnumerateArray().ToDictionary(j => j.GetProperty("name").GetString()!, j
            => j.GetProperty("status").GetString());
        Assert.Equal("failed", status["a"]);
        Assert.Equal("completed", status["b"]);
        Assert.Equal("skipped", status["c"]);
        Assert.Equal(1, run.ExitCode);
    }

    private static Task<bool> JobCStartedAsync(TempWorkspace workspace)
    {
        var log = Path.Combine(workspace.Root, "ran.log");
        return Eventually.TrueAsync(() => File.Exists(log) && File.ReadAllText(log).Contains('c', StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50));
    }
}
