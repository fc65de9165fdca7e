namespace RepoML.Serving.CustomScorers;

/// <summary>
/// Turns a deployment's <c>code_configuration</c> into a running custom scorer: builds the project (through the
/// cache), loads the assembly in its own load context, finds the scorer class and runs its <c>Init</c> with the model
/// folder. Every failure is a <see cref="ScorerLoadException"/> naming the deployment.
/// </summary>
public sealed class CustomScorerLoader(ServingOptions options, ILogger<CustomScorerLoader> logger)
{
    private readonly ScorerProjectBuilder builder = new(options.ScorersFolder,
        options.DotnetPath is { } dotnet ? new DotnetCli(dotnet) : DotnetCli.FromEnvironment(Environment.GetEnvironmentVariable));

    /// <summary>What identifies the scorer's code for a reload: its folder's digest (a project) or the file's size and time (an assembly).</summary>
    public string Identify(ScorerSource source)
    {
        if (source.IsProject)
        {
            return builder.DigestOf(source);
        }

        var file = new FileInfo(source.Path);
        return string.Create(CultureInfo.InvariantCulture, $"{file.Length}:{file.LastWriteTimeUtc.Ticks}");
    }

    /// <summary>The folder <c>Init</c> receives, like AZUREML_MODEL_DIR: the model folder, or the folder holding a one-file model; ""
    /// without a model.</summary>
    public static string ModelDirectory(string? resolvedModel) =>
        resolvedModel is null ? "" : Directory.Exists(resolvedModel) ? resolvedModel : Path.GetDirectoryName(resolvedModel) ?? "";

    /// <summary>Builds (when a project), loads and initialises the scorer.</summary>
    /// <param name="identity">From <see cref="Identify"/>: for a project, its cache entry.</param>
    /// <exception cref="ScorerLoadException">It does not build, load, follow the contract or initialise.</exception>
    public async Task<CustomScorer> LoadAsync(ScorerSource source, string identity, string modelDirectory, CancellationToken cancellation)
    {
        ScorerBuild? build = null;
        if (source.IsProject)
        {
            build = await builder.BuildAsync(source, identity, options.WorkspaceRoot, cancellation);
            logger.LogInformation(build.Built ? "deployment {Deployment}: built {Project} in {Seconds:F1} s"
                : "deployment {Deployment}: {Project} is up to date ({Seconds:F1} s)",
                source.Deployment, source.ScoringScript, build.Duration.TotalSeconds);
        }

        var clock = Stopwatch.StartNew();
        var context = new ScorerLoadContext($"scorer:{source.Deployment}:{Path.GetFileNameWithoutExtension(source.Path)}",
            build?.AssemblyPath ?? source.Path);
        object? instance = null;
        try
        {
            var type = ScorerContract.FindScorerType(Load(context));
            instance = Create(type);
            var run = ScorerContract.BindRun(instance);
            Initialise(instance, modelDirectory);
            return new CustomScorer(source, context, instance, run, clock.Elapsed, build, logger);
        }
        catch (Exception ex)
        {
            (instance as IDisposable)?.Dispose();
            context.Unload();
            throw ex is ScorerLoadException
                ? new ScorerLoadException($"deployment '{source.Deployment}': scorer {source.ScoringScript}: {ex.Message}")
                : new ScorerLoadException($"deployment '{source.Deployment}': scorer {source.ScoringScript} cannot be loaded: " +
                    $"{ScorerContract.Describe(ex)}");
        }
    }

    private static System.Reflection.Assembly Load(ScorerLoadContext context)
    {
        try
        {
            return context.LoadFromAssemblyPath(context.AssemblyPath);
        }
        catch (BadImageFormatException)
        {
            throw new ScorerLoadException($"{context.AssemblyPath} is not a .NET assembly");
        }
    }

    private static object Create(Type type)
    {
        try
        {
            return Activator.CreateInstance(type)!;
        }
        catch (Exception ex)
        {
            throw new ScorerLoadException($"the constructor of {type.FullName} failed: {ScorerContract.Describe(ex)}");
        }
    }

    private static void Initialise(object instance, string modelDirectory)
    {
        var init = ScorerContract.BindInit(instance);
        try
        {
            init?.Invoke(modelDirectory);
        }
        catch (Exception ex)
        {
            throw new ScorerLoadException($"{instance.GetType().FullName}.Init failed: {ScorerContract.Describe(ex)}");
        }
    }
}
