namespace RepoML.Cli.Tests.Pipelines;

/// <summary>What the local-run tests check when <c>repoml run</c> must stop: before any command, or by killing one.</summary>
internal static class RunRefusals
{
    /// <summary>
    /// The run failed with <paramref name="at"/> (<c>file:line:col: error</c>…) and <paramref name="message"/> in its output, and
    /// no command ran: the jobs would have written <c>ran.txt</c>.
    /// </summary>
    public static void AssertRefusedBeforeRunning(CliRun run, TempWorkspace workspace, string at, string message)
    {
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(at, run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains(message, run.Output + run.Error, StringComparison.Ordinal);
        Assert.Empty(workspace.FilesNamed("ran.txt"));
    }

    /// <summary>Runs a job whose command would sleep 30 s under a 1 s limit: it must fail well before then.</summary>
    public static async Task<CliRun> RunKilledByTimeoutAsync(TempWorkspace workspace, params string[] args)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = await workspace.RunAsync(["run", .. args]);
        Assert.NotEqual(0, run.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        return run;
    }
}
