using RepoML.Cli;

namespace RepoML.Tests.Shared;

/// <summary>Runs <c>repoml</c> in this process, as a user would from <paramref name="folder"/>, capturing what it prints.</summary>
internal static class CliRunner
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
}
