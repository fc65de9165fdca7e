using System.Diagnostics;

namespace RepoML.Git;

/// <summary>Runs the git command line in a repository and returns what it printed.</summary>
public static class GitProcess
{
    /// <summary>Runs git to completion and returns its exit code, standard output and standard error.</summary>
    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(workingDirectory, arguments, redirectInput: false, environment);
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.GetAwaiter().GetResult());
    }

    /// <summary>Runs git and returns its output, throwing when it fails.</summary>
    public static string Output(string workingDirectory, params string[] arguments)
    {
        var (code, output, error) = Run(workingDirectory, arguments);
        return code == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({code}): {error.Trim()}");
    }

    /// <summary>Starts git with a C locale and no pager, its output redirected.</summary>
    public static Process Start(string workingDirectory, IEnumerable<string> arguments, bool redirectInput, IReadOnlyDictionary<string,
        string>? environment = null)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Plumbing output must not depend on the user's locale, pager or colour settings.
        info.Environment["GIT_PAGER"] = "cat";
        info.Environment["LC_ALL"] = "C";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("git could not be started; is it installed and on PATH?");
    }
}
