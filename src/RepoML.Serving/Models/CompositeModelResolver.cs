namespace RepoML.Serving.Models;

/// <summary>Asks each resolver in turn; the first non-null answer wins. None answering is an error naming the reference.</summary>
public sealed class CompositeModelResolver(IReadOnlyList<IDeploymentModelResolver> resolvers) : IDeploymentModelResolver
{
    /// <summary>Overrides first, then inline local paths: what works without a registry.</summary>
    public static CompositeModelResolver Default(IReadOnlyDictionary<string, string> overrides, string workspaceRoot, string overrideBase,
        params IDeploymentModelResolver[] extra) =>
        new([new OverrideModelResolver(overrides, overrideBase), .. extra, new LocalPathModelResolver(workspaceRoot)]);

    public async ValueTask<string?> ResolveAsync(SpecFile deployment, DeploymentSettings settings, CancellationToken cancellation) =>
        (await ResolveModelAsync(deployment, settings, cancellation))?.Path;

    public async ValueTask<ResolvedDeploymentModel?> ResolveModelAsync(SpecFile deployment, DeploymentSettings settings, CancellationToken cancellation)
    {
        foreach (var resolver in resolvers)
        {
            if (await resolver.ResolveModelAsync(deployment, settings, cancellation) is { } model)
            {
                return model;
            }
        }

        throw new ModelResolutionException(settings.Model is null
            ? $"deployment '{settings.Name}' has no model; add 'model:' or pass --model {settings.Name}=PATH"
            : $"deployment '{settings.Name}': cannot resolve model '{settings.Model}' here (no registry resolver is configured); pass " +
                $"--model {settings.Name}=PATH");
    }
}
