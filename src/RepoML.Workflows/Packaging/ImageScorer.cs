namespace RepoML.Workflows.Packaging;

/// <summary>
/// Puts a custom .NET scorer into a build context: a project is built for linux-x64 (through the same cache as
/// <c>repoml serve</c>, under <c>.repoml/scorers</c>) and its output copied to <c>code/</c>; an assembly is copied with
/// its folder. The image's deployment file then names the assembly in <c>../code</c>: the image has no SDK.
/// </summary>
public static class ImageScorer
{
    /// <summary>The runtime identifier of the packaged server, so of the scorer's native files too.</summary>
    public const string Runtime = "linux-x64";

    /// <summary>The deployment's scorer, checked; null when it has no <c>code_configuration</c> or a Python script.</summary>
    /// <exception cref="WorkflowException">The scoring script cannot be served (another kind of file, missing).</exception>
    public static ScorerSource? Find(DeploymentSettings settings, string deploymentFile)
    {
        if (settings.ScoringScript is not { } script || script.EndsWith(".py", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return ScorerSource.For(settings, Path.GetDirectoryName(deploymentFile)!);
        }
        catch (ScorerLoadException ex)
        {
            throw WorkflowException.Usage(ex.Message);
        }
    }

    /// <summary>Builds (for a project) and copies the scorer into <paramref name="contextFolder"/>, and points the context's deployment
    /// file at it.</summary>
    /// <returns>The scorer assembly's file name.</returns>
    /// <exception cref="WorkflowException">The project does not build.</exception>
    public static async Task<string> PrepareAsync(WorkflowContext context, string root, ScorerSource source, string contextFolder,
        CancellationToken cancel)
    {
        var assembly = source.Path;
        if (source.IsProject)
        {
            await context.Error.WriteLineAsync($"building {Path.GetRelativePath(root, source.Path)} ({Runtime})…");
            var builder = new ScorerProjectBuilder(Path.Combine(root, ".repoml", "scorers"),
                DotnetCli.FromEnvironment(context.GetEnvironmentVariable), Runtime);
            try
            {
                assembly = (await builder.BuildAsync(source, builder.DigestOf(source), root, cancel)).AssemblyPath;
            }
            catch (ScorerLoadException ex)
            {
                throw WorkflowException.Usage(ex.Message);
            }
        }

        BuildContextWriter.CopyFolder(Path.GetDirectoryName(assembly)!, Path.Combine(contextFolder, ImageLayout.ContextCode));
        var name = Path.GetFileName(assembly);
        var deploymentFile = Path.Combine(contextFolder, ImageLayout.ContextEndpoint, source.Deployment + ".yml");
        await File.WriteAllTextAsync(deploymentFile, ImageDeploymentFile.WithScorer(deploymentFile, await File.ReadAllTextAsync(deploymentFile,
            cancel), name), cancel);
        return name;
    }
}
