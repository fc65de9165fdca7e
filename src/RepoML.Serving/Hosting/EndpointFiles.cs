using RepoML.Core.Workspace;

namespace RepoML.Serving.Hosting;

/// <summary>Reads an endpoint folder's YAML files (not its subfolders) into the endpoint spec and its deployments.</summary>
public static class EndpointFiles
{
    /// <param name="validate">Also apply <c>repoml validate</c>'s endpoint rules (traffic, mirror traffic): what a hot reload must not skip.</param>
    public static (SpecFile Endpoint, IReadOnlyList<SpecFile> Deployments) Read(string endpointFolder, string workspaceRoot, bool batch = false,
        bool validate = false)
    {
        if (!Directory.Exists(endpointFolder))
        {
            throw new EndpointLoadException($"{endpointFolder}: no such folder");
        }

        var files = Directory.EnumerateFiles(endpointFolder)
            .Where(WorkspacePaths.IsYaml)
            .Order(StringComparer.Ordinal)
            .Select(path => SpecFileLoader.Load(Relative(workspaceRoot, path), FileText.Of(File.ReadAllText(path))))
            .ToList();
        ThrowOnErrors(files);
        var workspace = new Workspace(files);
        if (validate)
        {
            WorkspaceValidator.ValidateEndpoints(workspace);
            ThrowOnErrors(files);
        }

        var kinds = batch ? [SpecKind.BatchEndpoint] : Workspace.OnlineEndpointKinds.ToArray();
        var endpoints = workspace.OfKind(kinds).ToList();
        if (endpoints.Count != 1)
        {
            var other = batch ? "an online endpoint: use 'repoml serve'" : "a batch endpoint: use 'repoml batch invoke'";
            var hasOther = workspace.OfKind(batch ? [.. Workspace.OnlineEndpointKinds] : [SpecKind.BatchEndpoint]).Any();
            throw new EndpointLoadException(endpoints.Count == 0
                ? $"{endpointFolder}: " +
                    $"{(hasOther ? $"this is {other}" : $"no {(batch ? "batch" : "online")} endpoint file (a YAML file with an endpoint $schema)")}"
                : $"{endpointFolder}: {endpoints.Count} endpoint files; an endpoint folder holds one");
        }

        return (endpoints[0], [.. workspace.DeploymentsOf(endpoints[0])]);
    }

    private static void ThrowOnErrors(IEnumerable<SpecFile> files)
    {
        var errors = files.SelectMany(f => f.Diagnostics).Where(d => d.IsError).ToList();
        if (errors.Count > 0)
        {
            throw new EndpointLoadException(string.Join(Environment.NewLine, errors.Select(d =>
                $"{d.File}{(d.Line is null ? "" : $":{d.Line}:{d.Column}")}: error {d.Id}: {d.Message}")));
        }
    }

    private static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? path : relative).Replace(Path.DirectorySeparatorChar, '/');
    }
}
