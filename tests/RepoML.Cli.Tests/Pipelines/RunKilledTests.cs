using System.Diagnostics;

namespace RepoML.Cli.Tests.Pipelines;

/// <summary>Finding 8 of issue 17: killing <c>repoml run</c> left its job's processes running, writing into the dead run.</summary>
public sealed class RunKilledTests
{
    [Fact]
    public async Task Should_end_the_jobs_processes_When_the_runner_is_killed_with_sigkill()
    {
        // Given a real `repoml run` process whose job c started a child in the background and waits for it
        using var workspace = ShellPipeline.Create(cCommand: "sleep 300 & echo $! > ../../../../../child.pid; wait");
        using var runner = CliProcess.Start(workspace.Root, ["run", "pipelines/p.yml"]);
        var pidFile = Path.Combine(workspace.Root, "child.pid");
        var child = await ChildProcess.ReadPidAsync(pidFile, TimeSpan.FromSeconds(30));
        Assert.True(ChildProcess.IsAlive(child));

        try
        {
            // When only the runner is killed (SIGKILL: no handler of its own runs)
            runner.Kill(entireProcessTree: false);
            await runner.WaitForExitAsync();

            // Then its job's child is ended as well, within seconds
            Assert.True(await Eventually.TrueAsync(() => !ChildProcess.IsAlive(child), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50)),
                $"process {child} outlived the killed run");
        }
        finally
        {
            if (ChildProcess.IsAlive(child))
            {
                Process.GetProcessById(child).Kill();
            }
        }
    }
}
