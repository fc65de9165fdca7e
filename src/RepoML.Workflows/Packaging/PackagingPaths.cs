namespace RepoML.Workflows.Packaging;

/// <summary>Paths shared by package, deploy and base-image: the endpoint folder, its deployments, output folders.</summary>
public static class PackagingPaths
{
    public static string EndpointFolder(WorkflowContext context, string argument)
    {
        var folder = context.FullPath(argument);
        return Directory.Exists(folder) ? folder : throw WorkflowException.Usage($"{argument}: no such endpoint folder");
    }

    /// <summary>Default output of one deployment: <c>.repoml/package/ENDPOINT/DEPLOYMENT</c>, the deployment name through the name gate.</summary>
    public static string OutputFolder(string root, string endpointFolder, string deployment) =>
        NameGate.Under(Path.GetFullPath(root), ".repoml", "package", Path.GetFileName(endpointFolder.TrimEnd('/')),
            NameGate.Check(deployment, NameKind.Segment, "deployment name"));

    public static IReadOnlyList<string> Deployments(string root, string endpointFolder, string? only)
    {
        var (_, deployments) = EndpointFiles.Read(endpointFolder, root);
        var names = deployments.Select(d => d.Name ?? "default").ToList();
        return only is null ? names : names.Contains(only, StringComparer.Ordinal) ? [only]
            : throw WorkflowException.Usage($"no deployment '{only}' in {endpointFolder} (it has: {string.Join(", ", names)})");
    }
}
