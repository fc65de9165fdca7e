using RepoML.Cli.Commands.Registry;
using RepoML.Containers;
using RepoML.Core.Serving;
using RepoML.Serving.Hosting;

namespace RepoML.Cli.Commands.Packaging;

/// <summary>Plumbing shared by package, deploy and base-image: the endpoint folder, output folders, expected errors.</summary>
internal static class PackagingCli
{
    public static string EndpointFolder(CliContext context, string argument)
    {
        var folder = context.FullPath(argument);
        return Directory.Exists(folder) ? folder : throw new UsageException($"{argument}: no such endpoint folder");
    }

    /// <summary>Default output of one deployment: <c>.repoml/package/ENDPOINT/DEPLOYMENT</c>.</summary>
    public static string OutputFolder(string root, string endpointFolder, string deployment) =>
        Path.Combine(root, ".repoml", "package", Path.GetFileName(endpointFolder.TrimEnd('/')), deployment);

    public static IReadOnlyList<string> Deployments(string root, string endpointFolder, string? only)
    {
        var (_, deployments) = EndpointFiles.Read(endpointFolder, root);
        var names = deployments.Select(d => d.Name ?? "default").ToList();
        return only is null ? names : names.Contains(only, StringComparer.Ordinal) ? [only]
            : throw new UsageException($"no deployment '{only}' in {endpointFolder} (it has: {string.Join(", ", names)})");
    }

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
