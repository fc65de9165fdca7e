using System.Text.RegularExpressions;
using RepoML.Cli;

namespace RepoML.Tests.Shared;

/// <summary>Runs <c>repoml</c> in this process, as a user would from <paramref name="folder"/>, capturing what it prints.</summary>
internal static partial class CliRunner
{
    public static async Task<CliRun> RunAsync(
        string folder, string[] args, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellation = default)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await RunAsync(folder, args, output, error, environment, cancellation);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs with the caller's writers, for a long-running command (serve) whose output is read while it runs.</summary>
    public static Task<int> RunAsync(string folder, string[] args, TextWriter output, TextWriter error,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellation = default) =>
        RepoMLApp.RunAsync(args, CliContext.ForTest(output, error, folder, environment), cancellation);

    /// <summary>
    /// The address a running <c>repoml serve</c> prints ("Serving endpoint 'NAME' on http://…"), read from
    /// <paramref name="output"/> every 50 ms, at most <paramref name="attempts"/> times; fails when serve exits first.
    /// </summary>
    public static async Task<string> ServingAddressAsync(Func<string> output, Task<int> serving, int attempts = 400)
    {
        for (var i = 0; i < attempts; i++)
        {
            if (ServingOn().Match(output()) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }

            if (serving.IsCompleted)
            {
                throw new InvalidOperationException($"serve exited with {await serving}: {output()}");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("serve did not start: " + output());
    }

    [GeneratedRegex(@"Serving endpoint '\w+' on (http://\S+)")]
    private static partial Regex ServingOn();
}
