using System.Diagnostics;
using System.Text;

namespace RepoML.Adoption.Tests;

/// <summary>
/// Runs a command as a user's shell would, with an isolated .NET home and NuGet cache and a fixed Git identity, and
/// none of the MSBuild variables `dotnet test` sets (they would point a child build at this repository's SDK state).
/// Null <paramref name="home"/> and <paramref name="packages"/> keep the machine's own.
/// </summary>
public sealed class CommandLine(string? home, string? packages)
{
    public sealed record Result(int ExitCode, string Output)
    {
        public Result Succeeded(string what) => ExitCode == 0 ? this : throw new InvalidOperationException($"{what} exited {ExitCode}:\n{Output}");
    }

    public async Task<Result> RunAsync(string folder, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || k is "DOTNET_HOST_PATH" or "REPOML_CLI").ToList())
        {
            start.Environment.Remove(name);
        }

        if (home is not null)
        {
            start.Environment["DOTNET_CLI_HOME"] = home;
        }

        if (packages is not null)
        {
            start.Environment["NUGET_PACKAGES"] = packages;
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Ada Adopter";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "ada@example.com";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var lines = new object();
        process.OutputDataReceived += (_, e) => { lock (lines) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (lines) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        lock (lines)
        {
            // Cake colours its arguments even when redirected; the tests read plain text.
            return new Result(process.ExitCode, System.Text.RegularExpressions.Regex.Replace(output.ToString(), "\u001b\\[[0-9;]*m", ""));
        }
    }
}
