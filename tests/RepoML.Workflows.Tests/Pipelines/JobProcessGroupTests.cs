using System.Diagnostics;
using RepoML.Tests.Shared;
using RepoML.Workflows.Pipelines;

namespace RepoML.Workflows.Tests.Pipelines;

/// <summary>Finding 8 of issue 17: a job's processes outlived the run that started them.</summary>
public sealed class JobProcessGroupTests
{
    [Fact]
    public async Task Should_end_the_job_and_its_child_When_the_run_is_cancelled()
    {
        // Given a job that starts a child in the background and waits for it
        using var folder = new TempFolder("group");
        using var cancel = new CancellationTokenSource();
        var running = StepProcess.RunAsync("sleep 300 & echo $! > child.pid; wait", folder.Path, new Dictionary<string, string>(),
            folder["stdout.txt"], folder["stderr.txt"], cancel.Token);
        var child = await ChildProcess.ReadPidAsync(folder["child.pid"], TimeSpan.FromSeconds(20));
        Assert.True(ChildProcess.IsAlive(child));

        // When the run is cancelled
        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        // Then the child is gone too, promptly
        Assert.False(ChildProcess.IsAlive(child), $"process {child} outlived the cancelled job");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Should_end_what_the_job_left_running_When_the_job_exits()
    {
        // Given a job that leaves a child running in the background, holding the job's stdout, and exits 0
        using var folder = new TempFolder("group");
        var clock = Stopwatch.StartNew();

        // When it runs
        var exit = await StepProcess.RunAsync("sleep 300 & echo $! > child.pid", folder.Path, new Dictionary<string, string>(),
            folder["stdout.txt"], folder["stderr.txt"], CancellationToken.None);

        // Then the run returns the job's exit code without waiting for the child, and the child is gone
        Assert.Equal(0, exit);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        var child = await ChildProcess.ReadPidAsync(folder["child.pid"], TimeSpan.FromSeconds(20));
        Assert.False(ChildProcess.IsAlive(child), "the background child outlived its job");
    }
}
