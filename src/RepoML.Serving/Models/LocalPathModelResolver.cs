namespace RepoML.Serving.Models;

/// <summary>Resolves inline models (<c>model: {path: ./model}</c>) against the deployment file's folder; leaves <c>azureml:</c> references
/// to others.</summary>
public sealed class LocalPathModelResolver(string workspaceRoot) : IDeploymentModelResolver
{
    public ValueTask<string?> ResolveAsync(SpecFile deployment, DeploymentSettings settings, CancellationToken cancellation)
    {
        if (!settings.ModelIsInlinePath || settings.Model is null)
        {
            return ValueTask.FromResult<string?>(null);
        }

        var folder = Path.GetDirectoryName(Path.Combine(workspaceRoot, deployment.Path)) ?? workspaceRoot;
        var path = Path.GetFullPath(settings.Model, folder);
        return File.Exists(path) || Directory.Exists(path)
            ? ValueTask.FromResult<string?>(path)
            : throw new ModelResolutionException($"deployment '{settings.Name}': model path '{settings.Model}' does not exist ({path})");
    }
}
