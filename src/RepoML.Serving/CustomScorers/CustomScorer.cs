namespace RepoML.Serving.CustomScorers;

/// <summary>
/// A loaded custom .NET scorer: one instance of the user's scorer class, initialised, in its own collectible load
/// context. Thread-safe as far as the user's <c>Run</c> is (Azure ML's <c>run()</c> has the same rule). Disposing it
/// disposes the instance (when it is <see cref="IDisposable"/> or <see cref="IAsyncDisposable"/>) and unloads its
/// assemblies; the owning deployment does that only once its last in-flight request has finished.
/// </summary>
public sealed class CustomScorer : IDisposable
{
    private readonly ILogger logger;
    private object? instance;
    private Func<string, CancellationToken, Task<string?>>? run;
    private ScorerLoadContext? context;

    internal CustomScorer(ScorerSource source, ScorerLoadContext context, object instance, Func<string, CancellationToken, Task<string?>> run,
        TimeSpan loadTime, ScorerBuild? build, ILogger logger)
    {
        Source = source;
        this.context = context;
        this.instance = instance;
        this.run = run;
        LoadTime = loadTime;
        Build = build;
        this.logger = logger;
        TypeName = instance.GetType().FullName ?? instance.GetType().Name;
        AssemblyPath = context.AssemblyPath;
        LoadContext = new WeakReference(context);
    }

    /// <summary>The project or assembly the deployment names.</summary>
    public ScorerSource Source { get; }

    /// <summary>The scorer class's full name.</summary>
    public string TypeName { get; }

    /// <summary>The assembly loaded (in the build cache for a project).</summary>
    public string AssemblyPath { get; }

    /// <summary>Loading the assembly, creating the instance and running <c>Init</c> (the build not included).</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>The build that produced <see cref="AssemblyPath"/>; null for a <c>.dll</c> scoring script.</summary>
    public ScorerBuild? Build { get; }

    /// <summary>The load context, weakly: alive until the scorer is disposed and its assemblies are collected.</summary>
    internal WeakReference LoadContext { get; }

    /// <summary>Runs the scorer on a raw request body; a null answer is JSON <c>null</c>.</summary>
    /// <exception cref="ObjectDisposedException">The scorer was disposed.</exception>
    public async Task<string> RunAsync(string raw, CancellationToken cancellation)
    {
        var scorer = run ?? throw new ObjectDisposedException(TypeName);
        return await scorer(raw, cancellation) ?? "null";
    }

    public void Dispose()
    {
        var (disposing, unloading) = (instance, context);
        (instance, run, context) = (null, null, null);
        if (unloading is null)
        {
            return;
        }

        try
        {
            switch (disposing)
            {
                case IAsyncDisposable asyncDisposable:
                    asyncDisposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
        catch (Exception ex)
        {
            // The scorer is being dropped anyway; its failure to clean up must not fail the request that released it.
            logger.LogWarning(ex, "disposing scorer {Scorer} of deployment {Deployment} failed", TypeName, Source.Deployment);
        }

        unloading.Unload();
    }
}
