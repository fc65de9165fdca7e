using System.Diagnostics;
using RepoML.Cli;

namespace RepoML.Tests.Shared;

/// <summary>
/// Starts <c>repoml</c> as a process of its own (<c>dotnet RepoML.Cli.dll</c>) in <paramref name="folder"/>, its output
/// and error redirected: for tests that kill a real run and look at what it left (in-process runs go through
/// <see cref="CliRunner"/>).
/// </summary>
internal static class CliProcess
{
    /// <param name="environment">Variables set for this process over the test's own (e.g. REPOML_HALT_AT).</param>
    public static Process Start(string folder, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(RepoMLApp).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }
}
