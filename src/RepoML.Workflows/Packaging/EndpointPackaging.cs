namespace RepoML.Workflows.Packaging;

/// <summary>The work of <c>repoml package</c>: a build context and a reproducible OCI image per deployment, built without a Docker engine.</summary>
public static class EndpointPackaging
{
    public static async Task<IReadOnlyList<PackageResult>> RunAsync(WorkflowContext context, EndpointPackageRequest request, CancellationToken cancel)
    {
        var root = context.WorkspaceRoot;
        var folder = PackagingPaths.EndpointFolder(context, request.Endpoint);
        var names = PackagingPaths.Deployments(root, folder, request.Deployment);
        var packager = new DeploymentPackager(context, root, request.Verbose);
        var results = new List<PackageResult>();
        foreach (var name in names)
        {
            var one = names.Count == 1;
            var output = request.OutputFolder is { } o && one ? context.FullPath(o) : PackagingPaths.OutputFolder(root, folder, name);
            results.Add(await packager.PackageAsync(new PackageRequest(folder, name, output, request.Registry, one ? request.Archive : null,
                request.ContextOnly, request.Report, request.Optimize, request.Model, request.Server, request.BaseImage, request.Tag), cancel));
        }

        return results;
    }
}
