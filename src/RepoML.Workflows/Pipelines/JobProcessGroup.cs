namespace RepoML.Workflows.Pipelines;

/// <summary>
/// A job started as the leader of its own process group (through <c>setsid</c>), with a watchdog that ends the whole group
/// when the job is done, the run is cancelled, or this process dies (even by <c>kill -9</c>), so no job or child it left
/// in the background keeps writing into a dead run or holds the job's output open. Where <c>setsid</c> is missing the job runs as a plain child and only
/// cancellation reaches it (through <see cref="Process.Kill(bool)"/>).
/// </summary>
internal sealed class JobProcessGroup : IDisposable
{
    // The watchdog holds the read end of a pipe whose only writer is this process: a line, or end of file because this
    // process died, means end the group: TERM, then KILL what is still there after two seconds. It ignores the signals
    // a terminal sends this process's group, so Ctrl+C reaches it only through this process.
    private const string WatchdogScript = """
        trap '' INT TERM HUP
        read line
        kill -TERM "-$1" 2>/dev/null || exit 0
        i=0
        while kill -0 "-$1" 2>/dev/null && [ "$i" -lt 20 ]; do sleep 0.1; i=$((i+1)); done
        kill -KILL "-$1" 2>/dev/null
        exit 0
        """;

    private static readonly string? SetsidPath = ContainerTools.Find("setsid");
    private readonly Process? watchdog;
    private bool told;

    private JobProcessGroup(Process job, Process? watchdog)
    {
        Job = job;
        this.watchdog = watchdog;
    }

    /// <summary>The job's process; with a group, its id is the group's id.</summary>
    public Process Job { get; }

    /// <summary>Whether the job leads its own process group (false where <c>setsid</c> is not available).</summary>
    public bool IsGroup => watchdog is not null;

    /// <summary>Starts <paramref name="start"/> in a new process group and its watchdog.</summary>
    public static JobProcessGroup Start(ProcessStartInfo start)
    {
        if (SetsidPath is null || OperatingSystem.IsWindows())
        {
            return new JobProcessGroup(Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}"), null);
        }

        // A child of this process is no group leader, so setsid execs the program in place: its pid is the group id.
        var grouped = new ProcessStartInfo(SetsidPath)
        {
            WorkingDirectory = start.WorkingDirectory,
            RedirectStandardOutput = start.RedirectStandardOutput,
            RedirectStandardError = start.RedirectStandardError,
            RedirectStandardInput = start.RedirectStandardInput,
            UseShellExecute = false,
        };
        grouped.ArgumentList.Add(start.FileName);
        foreach (var argument in start.ArgumentList)
        {
            grouped.ArgumentList.Add(argument);
        }
        grouped.Environment.Clear();
        foreach (var (name, value) in start.Environment)
        {
            grouped.Environment[name] = value;
        }

        var job = Process.Start(grouped) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var guard = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "-c", WatchdogScript, "repoml-job-watchdog", job.Id.ToString(CultureInfo.InvariantCulture) },
        };
        try
        {
            return new JobProcessGroup(job, Process.Start(guard));
        }
        catch
        {
            // Without its watchdog nothing would end the group if this runner died: end the job now rather than orphan it.
            job.Kill(entireProcessTree: true);
            job.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Ends the job (if still running) and everything left in its group, and waits until that is done: called when the
    /// run is cancelled, and after the job exits, for what it left running in the background.
    /// </summary>
    public async Task EndAsync()
    {
        if (watchdog is null)
        {
            if (!Job.HasExited)
            {
                Job.Kill(entireProcessTree: true);
            }
            await Job.WaitForExitAsync(CancellationToken.None);
            return;
        }

        await TellAsync();
        await watchdog.WaitForExitAsync(CancellationToken.None);
        await Job.WaitForExitAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        watchdog?.Dispose();
        Job.Dispose();
    }

    private async Task TellAsync()
    {
        if (watchdog is null || told)
        {
            return;
        }

        told = true;
        try
        {
            await watchdog.StandardInput.WriteLineAsync("end");
            watchdog.StandardInput.Close();
        }
        catch (IOException)
        {
            // The watchdog is gone already; there is nothing left for it to end.
        }
    }
}
