namespace RepoML.Workflows.Pipelines;

/// <summary>
/// Runs one job's command as a real process through <c>/bin/sh -c</c> (as Azure ML runs commands), with its
/// output streamed to files. Cancellation kills the whole process tree.
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

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /bin/sh");
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
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAll(copyOut, copyErr);
            throw;
        }

        await Task.WhenAll(copyOut, copyErr);
        return process.ExitCode;
    }
}
