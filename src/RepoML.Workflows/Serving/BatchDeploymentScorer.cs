using Microsoft.Extensions.Logging.Abstractions;

namespace RepoML.Workflows.Serving;

/// <summary>
/// What scores a batch deployment locally: its custom .NET scorer when <c>code_configuration</c> names a project or
/// assembly (built and loaded as <c>repoml serve</c> does), else the built-in ONNX scorer on its model, with
/// <c>mini_batch_size</c> rows per run. A Python scoring script runs on Azure ML; locally the model is scored with the
/// built-in scorer, and a note says so.
/// </summary>
public sealed class BatchDeploymentScorer : IDisposable
{
    private readonly IDisposable owned;

    private BatchDeploymentScorer(IBatchRowScorer rows, IDisposable owned, string description)
    {
        Rows = rows;
        this.owned = owned;
        Description = description;
    }

    public IBatchRowScorer Rows { get; }

    /// <summary>What scores, for the summary: the model file or the scorer class.</summary>
    public string Description { get; }

    /// <exception cref="ScorerLoadException">The custom scorer does not build, load or initialise.</exception>
    /// <exception cref="ModelResolutionException">The model cannot be found.</exception>
    public static async Task<BatchDeploymentScorer> LoadAsync(WorkflowContext context, string root, SpecFile spec, DeploymentSettings deployment,
        BatchSettings settings,
        IReadOnlyDictionary<string, string> models, CancellationToken cancellation)
    {
        var resolver = ServingResolvers.Create(context, root, models);
        if (deployment.ScoringScript is { } script && !script.EndsWith(".py", StringComparison.OrdinalIgnoreCase))
        {
            var source = ScorerSource.For(deployment, Path.GetDirectoryName(Path.Combine(root, spec.Path)) ?? root);
            var model = await ResolveOptionalAsync(resolver, spec, deployment, cancellation);
            var loader = new CustomScorerLoader(new ServingOptions { EndpointFolder = Path.GetDirectoryName(Path.Combine(root, spec.Path))!,
                WorkspaceRoot = root },
                NullLogger<CustomScorerLoader>.Instance);
            var scorer = await context.WithStatusAsync($"Building and loading {script}", () => LoadCustomAsync(loader, source, model, cancellation));
            if (scorer.Build is { Built: true } build)
            {
                await context.Error.WriteLineAsync($"deployment '{deployment.Name}': built {script} in {build.Duration.TotalSeconds:F1} s");
            }

            return new BatchDeploymentScorer(new CustomBatchRows(scorer), scorer, $"custom scorer {scorer.TypeName}");
        }

        if (deployment.ScoringScript is { } python)
        {
            await context.Error.WriteLineAsync($"note: {spec.Path} runs '{python}' on Azure ML; locally the model is scored with the " +
                $"built-in ONNX scorer.");
        }

        var modelPath = await resolver.ResolveAsync(spec, deployment,
            cancellation) ?? throw new ModelResolutionException($"deployment '{deployment.Name}': no model");
        var onnx = OnnxRuntimeScorer.Load(Directory.Exists(modelPath) ? Path.Combine(modelPath, "model.onnx") : modelPath,
            batchSize: settings.MiniBatchSize);
        return new BatchDeploymentScorer(new OnnxBatchRows(onnx), onnx, Path.GetRelativePath(root, modelPath));
    }

    public void Dispose() => owned.Dispose();

    private static Task<CustomScorer> LoadCustomAsync(CustomScorerLoader loader, ScorerSource source, string? model,
        CancellationToken cancellation) =>
        loader.LoadAsync(source, loader.Identify(source), CustomScorerLoader.ModelDirectory(model), cancellation);

    private static async Task<string?> ResolveOptionalAsync(IDeploymentModelResolver resolver, SpecFile spec, DeploymentSettings deployment,
        CancellationToken cancellation)
    {
        try
        {
            return await resolver.ResolveAsync(spec, deployment, cancellation);
        }
        catch (ModelResolutionException) when (deployment.Model is null)
        {
            return null; // Azure ML allows a scoring script without a model.
        }
    }
}
