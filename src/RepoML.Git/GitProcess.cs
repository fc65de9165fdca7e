using System.Diagnostics;

namespace RepoML.Git;

/// <summary>Runs the git command line in a repository and returns what it printed.</summary>
public static class GitProcess
{
    /// <summary>Runs git to completion and returns its exit code, standard output and standard error.</summary>
    /// <param name="input">Written to git's standard input, then closed (e.g. for <c>--pathspec-from-file=-</c>); null for none.</param>
    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, string? input = null)
    {
        using var process = Start(workingDirectory, arguments, redirectInput: input is not null, environment);
        var error = process.StandardError.ReadToEndAsync();
        var writing = input is null ? Task.CompletedTask : WriteAndCloseAsync(process.StandardInput, input);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        try
        {
            writing.GetAwaiter().GetResult();
        }
        catch (IOException)
        {
            // git stopped reading (it failed early): its exit code and error say why
        }

        return (process.ExitCode, output, error.GetAwaiter().GetResult());
    }

    private static async Task WriteAndCloseAsync(StreamWriter writer, string input)
    {
        await using (writer)
        {
            await writer.WriteAsync(input);
        }
    }

    /// <summary>Runs git and returns its output, throwing when it fails.</summary>
    public static string Output(string workingDirectory, params string[] arguments)
    {
        var (code, output, error) = Run(workingDirectory, arguments);
        return code == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({code}): {error.Trim()}");
    }

    /// <summary>Starts git with a C locale, no pager and literal pathspecs, its output redirected.</summary>
    public static Process Start(string workingDirectory, IEnumerable<string> arguments, bool redirectInput, IReadOnlyDictionary<string,
        string>? environment = null)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            StandardInputEncoding = redirectInput ? new UTF8Encoding(false) : null,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Plumbing output must not depend on the user's locale, pager or colour settings; and a path is a path, never a glob that
        // a file named "m[1].onnx" or "data*.csv" would turn into a match for other files.
        info.Environment["GIT_PAGER"] = "cat";
        info.Environment["LC_ALL"] = "C";
        info.Environment["GIT_LITERAL_PATHSPECS"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("git could not be started; is it installed and on PATH?");
    }
}
