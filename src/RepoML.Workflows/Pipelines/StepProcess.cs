namespace RepoML.Workflows.Pipelines;

/// <summary>
/// Runs one job's command as a real process through <c>/bin/sh -c</c> (as Azure ML runs commands), with its
/// output streamed to files. Each job leads its own process group (<see cref="JobProcessGroup"/>): cancelling the run,
/// or killing this process, ends the job and every process it started, and what a finished job left running is ended too.
/// </summary>
public static class StepProcess
{
    public static Task<int> RunAsync(string command, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        string stdoutPath, string stderrPath, CancellationToken cancellation) =>
        RunProgramAsync("/bin/sh", ["-c", command], workingDirectory, environment, stdoutPath, stderrPath, cancellation);

    /// <summary>Runs a program with its arguments (each one word, no shell), its output streamed to files.</summary>
    public static async Task<int> RunProgramAsync(string program, IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, string stdoutPath, string stderrPath, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var group = JobProcessGroup.Start(start);
        var process = group.Job;
        process.StandardInput.Close();
        await using var stdout = new FileStream(stdoutPath, FileMode.Create, FileAccess.Write, FileShare.Read);
        await using var stderr = new FileStream(stderrPath, FileMode.Create, FileAccess.Write, FileShare.Read);
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout, CancellationToken.None);
        var copyErr = process.StandardError.BaseStream.CopyToAsync(stderr, CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            await group.EndAsync();
            await Task.WhenAll(copyOut, copyErr);
            throw;
        }

        // A child the job left in the background would otherwise keep running and hold its output open.
        await group.EndAsync();
        await Task.WhenAll(copyOut, copyErr);
        return process.ExitCode;
    }
}
