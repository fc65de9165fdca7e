using RepoML.Containers;
using RepoML.Core.Serving;
using RepoML.Serving.Hosting;

namespace RepoML.Cli.Commands.Packaging;

/// <summary>Expected failures of package, deploy and base-image (bad files, missing tools, registry problems) as an error line and exit
/// code 1.</summary>
internal static class PackagingCli
{
    /// <summary>Runs an action, turning expected failures (bad files, missing tools, registry problems) into an error line and exit code 1.</summary>
    public static Task<int> RunAsync(CliContext context, Func<Task<int>> action) => RegistryCli.RunAsync(context, async () =>
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is EndpointLoadException or ContainerToolException or ModelResolutionException)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return (int)ExitCode.Invalid;
        }
    });
}
