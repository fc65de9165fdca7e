namespace RepoML.Serving.CustomScorers;

/// <summary>
/// The .NET SDK's <c>dotnet</c> command as a child process, with its output captured. It is the one the running
/// host was started by when that is known (<c>DOTNET_HOST_PATH</c>), else <c>dotnet</c> on the PATH.
/// </summary>
public sealed class DotnetCli(string executable)
{
    // Set by a parent `dotnet` for its own MSBuild; a child build of another project must find its own SDK.
    private static readonly string[] Inherited = ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH",
        "MSBuildLoadMicrosoftTargetsReadOnly"];

    /// <summary>The executable run.</summary>
    public string Executable { get; } = executable;

    /// <summary>The <c>dotnet</c> to use, read from <paramref name="environment"/>.</summary>
    public static DotnetCli FromEnvironment(Func<string, string?> environment) =>
        new(environment("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet");

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>; a cancelled run is killed with its child processes.</summary>
    /// <returns>The exit code and standard output and error, interleaved.</returns>
    /// <exception cref="ScorerLoadException"><c>dotnet</c> could not be started (no .NET SDK).</exception>
    public async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in Inherited)
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new ScorerLoadException($"cannot run '{Executable}' to build the scorer (is the .NET SDK installed?): {ex.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
