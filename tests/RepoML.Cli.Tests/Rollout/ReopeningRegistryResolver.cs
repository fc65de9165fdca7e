using RepoML.Core.Serving;
using RepoML.Core.Specs;
using RepoML.Git;
using RepoML.Storage;

namespace RepoML.Cli.Tests.Rollout;

/// <summary>
/// Resolves <c>azureml:credit:N</c> / <c>@latest</c> through the Git registry as a served endpoint does, but opens the registry
/// again on every load (the tests register new versions while the endpoint runs); each version's files restored once.
/// </summary>
internal sealed class ReopeningRegistryResolver(string root) : IDeploymentModelResolver
{
    public async ValueTask<string?> ResolveAsync(SpecFile deployment, DeploymentSettings settings, CancellationToken cancellation)
    {
        if (settings.Model is null || settings.ModelIsInlinePath)
        {
            return null;
        }

        using var registry = GitModelRegistry.Open(root, new RegistryOpenOptions(Store: ArtifactStoreFactory.Create(null, root)));
        var version = registry.Resolve(settings.Model);
        var folder = Path.Combine(root, ".repoml", "served", $"{version.Name}-{version.Version}");
        if (!Directory.Exists(folder))
        {
            await registry.DownloadAsync(version.Reference, folder, cancellationToken: cancellation);
        }

        return folder;
    }
}
