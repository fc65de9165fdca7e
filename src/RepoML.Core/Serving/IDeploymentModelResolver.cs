namespace RepoML.Core.Serving;

/// <summary>
/// Port: turns a deployment's <c>model</c> (an <c>azureml:name:version</c> / <c>@latest</c> reference or an inline path)
/// into a local .onnx file or a folder holding one. The CLI composes implementations (overrides, registry, local paths).
/// </summary>
public interface IDeploymentModelResolver
{
    /// <summary>The local model file or folder, or null when this resolver does not handle the deployment's model.</summary>
    /// <exception cref="ModelResolutionException">The resolver handles the reference but cannot produce the model.</exception>
    ValueTask<string?> ResolveAsync(SpecFile deployment, DeploymentSettings settings, CancellationToken cancellation);

    /// <summary>The model with its registry identity when the resolver knows it (the registry does; a path does not).</summary>
    /// <exception cref="ModelResolutionException">The resolver handles the reference but cannot produce the model.</exception>
    async ValueTask<ResolvedDeploymentModel?> ResolveModelAsync(SpecFile deployment, DeploymentSettings settings, CancellationToken cancellation) =>
        await ResolveAsync(deployment, settings, cancellation) is { } path ? new ResolvedDeploymentModel(path) : null;
}
