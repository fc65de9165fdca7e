namespace RepoML.Core.Workspace;

/// <summary>Every spec file of a workspace, with lookups by kind and name.</summary>
public sealed class Workspace
{
    private readonly Dictionary<string, SpecFile> byPath;

    public Workspace(IReadOnlyList<SpecFile> files)
    {
        Files = files;
        byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    /// <summary>All YAML files loaded, spec or not, in path order.</summary>
    public IReadOnlyList<SpecFile> Files { get; }

    public IEnumerable<SpecFile> Specs => Files.Where(f => f.IsSpec);

    public SpecFile? File(string path) => byPath.GetValueOrDefault(path);

    public IEnumerable<SpecFile> OfKind(params SpecKind[] kinds) => Specs.Where(f => kinds.Contains(f.Kind!.Value));

    /// <summary>Assets (model, environment, data, component) of a kind with the given name, any version.</summary>
    public IEnumerable<SpecFile> Assets(SpecKind kind, string name) =>
        OfKind(kind).Where(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    public static IReadOnlyList<SpecKind> OnlineEndpointKinds { get; } = [SpecKind.ManagedOnlineEndpoint, SpecKind.KubernetesOnlineEndpoint];

    public static IReadOnlyList<SpecKind> OnlineDeploymentKinds { get; } = [SpecKind.ManagedOnlineDeployment, SpecKind.KubernetesOnlineDeployment];

    /// <summary>The deployments of an endpoint: those naming it, or, without <c>endpoint_name</c>, those in its folder.</summary>
    public IEnumerable<SpecFile> DeploymentsOf(SpecFile endpoint)
    {
        var deploymentKinds = endpoint.Kind == SpecKind.BatchEndpoint ? [SpecKind.BatchDeployment] : OnlineDeploymentKinds.ToArray();
        return OfKind(deploymentKinds).Where(d => EndpointOf(d) == endpoint);
    }

    /// <summary>The endpoint a deployment belongs to, by <c>endpoint_name</c> or, failing that, the only endpoint in its folder.</summary>
    public SpecFile? EndpointOf(SpecFile deployment)
    {
        var endpointKinds = deployment.Kind == SpecKind.BatchDeployment ? [SpecKind.BatchEndpoint] : OnlineEndpointKinds.ToArray();
        var named = deployment.Root?.GetString("endpoint_name");
        if (named is not null)
        {
            var matches = OfKind(endpointKinds).Where(e => e.Name == named).ToList();
            return matches.FirstOrDefault(e => WorkspacePaths.Directory(e.Path) == WorkspacePaths.Directory(deployment.Path))
                ?? matches.FirstOrDefault();
        }

        var sameFolder = OfKind(endpointKinds).Where(e => WorkspacePaths.Directory(e.Path) == WorkspacePaths.Directory(deployment.Path)).ToList();
        return sameFolder.Count == 1 ? sameFolder[0] : null;
    }
}
