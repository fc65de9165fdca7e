using RepoML.Workflows.Rollout;
using RepoML.Workflows.Serving;

namespace RepoML.Workflows.Registry;

/// <summary>
/// Where a version is in use beyond the committed deployment files the registry's history sees: deployment files in the working
/// tree (edited, not yet committed) whose <c>model:</c> resolves to it, and running local endpoints (<c>repoml serve</c>) that report
/// serving it. Archiving refuses a version used in any of these places.
/// </summary>
public static class VersionUses
{
    /// <summary>Deployment files in the working tree whose model reference resolves to <paramref name="version"/> now.</summary>
    public static IReadOnlyList<string> InWorkingTree(string root, GitModelRegistry registry, RegisteredVersion version)
    {
        var files = new DiskWorkspaceFiles(root);
        var uses = new List<string>();
        foreach (var path in files.EnumerateFiles("").Where(WorkspacePaths.IsYaml))
        {
            var text = files.Read(path, 1024 * 1024);
            if (text.Text is null || !text.Text.Contains("model", StringComparison.Ordinal) || YamlReader.Read(path, text.Text).Root is not YamlMapping map
                || !(map.GetString("$schema") ?? "").Contains("Deployment", StringComparison.OrdinalIgnoreCase)
                || map.GetString("model") is not { } reference)
            {
                continue;
            }

            try
            {
                if (registry.Resolve(reference).Key == version.Key && registry.Resolve(reference).Name == version.Name)
                {
                    uses.Add($"{path} ({reference}, working tree)");
                }
            }
            catch (Exception ex) when (ex is RegistryException or FormatException or ArgumentException)
            {
                // Another model, or a reference that does not resolve: not a use of this version.
            }
        }

        return uses;
    }

    /// <summary>Deployments of running local endpoints that report serving <paramref name="version"/>.</summary>
    public static async Task<IReadOnlyList<string>> LiveAsync(string root, RegisteredVersion version, CancellationToken cancellation)
    {
        var uses = new List<string>();
        foreach (var endpoint in LocalEndpoints.Running(root))
        {
            var (deployments, _) = await LiveEndpointProbe.ReadAsync(endpoint.Address, cancellation);
            foreach (var d in deployments ?? [])
            {
                if (d.Model == version.Name && (d.Digest == version.Digest || d.Version == version.Version.ToString(CultureInfo.InvariantCulture)))
                {
                    uses.Add($"{endpoint.Endpoint}/{d.Name} (live on {endpoint.Address})");
                }
            }
        }

        return uses;
    }
}
