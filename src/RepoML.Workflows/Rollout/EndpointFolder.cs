namespace RepoML.Workflows.Rollout;

/// <summary>An online endpoint folder as promotion reads it: the endpoint file and its deployment files, with their texts.</summary>
/// <param name="Name">The endpoint's name (its <c>name:</c>).</param>
/// <param name="Relative">The folder relative to the workspace root, with '/' (e.g. <c>endpoints/credit</c>).</param>
/// <param name="Deployments">Deployment name → its file (path relative to the root).</param>
public sealed record EndpointFolder(
    string Name,
    string Relative,
    (string Path, string Text, YamlMapping Root) Endpoint,
    IReadOnlyDictionary<string, (string Path, string Text, YamlMapping Root)> Deployments)
{
    public static EndpointFolder Read(string root, string folder)
    {
        var full = Path.GetFullPath(folder, root);
        if (!Directory.Exists(full))
        {
            throw WorkflowException.Usage($"'{folder}' is not an endpoint folder");
        }

        var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
        (string, string, YamlMapping)? endpoint = null;
        var deployments = new Dictionary<string, (string, string, YamlMapping)>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(full, "*.yml").Concat(Directory.EnumerateFiles(full, "*.yaml")).Order(StringComparer.Ordinal))
        {
            var path = $"{relative}/{Path.GetFileName(file)}";
            var text = File.ReadAllText(file);
            if (YamlReader.Read(path, text).Root is not YamlMapping map)
            {
                continue;
            }

            var schema = map.GetString("$schema") ?? "";
            if (schema.Contains("OnlineEndpoint", StringComparison.OrdinalIgnoreCase))
            {
                endpoint = (path, text, map);
            }
            else if (schema.Contains("OnlineDeployment", StringComparison.OrdinalIgnoreCase) && map.GetString("name") is { } name)
            {
                deployments[name] = (path, text, map);
            }
        }

        var found = endpoint ?? throw WorkflowException.Usage($"'{folder}' holds no online endpoint file");
        return new EndpointFolder(found.Item3.GetString("name") ?? Path.GetFileName(full), relative, found, deployments);
    }
}
