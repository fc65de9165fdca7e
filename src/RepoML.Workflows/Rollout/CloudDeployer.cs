using RepoML.Azure;

namespace RepoML.Workflows.Rollout;

/// <summary>
/// The cloud targets of <c>repoml deploy</c>: Kubernetes manifests (KServe and plain) written to a folder, or an Azure ML
/// managed online endpoint reconciled through ARM. The image is the packaged serving image ('{deployment}' replaced).
/// </summary>
public sealed class CloudDeployer
{
    private const string DefaultModelUriBase = "azureml://datastores/workspaceblobstore/paths/repoml/models";

    private readonly WorkflowContext context;
    private readonly string root;
    private readonly EndpointFolder folder;
    private readonly string? image;

    public CloudDeployer(WorkflowContext context, string endpointFolder, string? image)
    {
        this.context = context;
        root = context.WorkspaceRoot;
        folder = EndpointFolder.Read(root, endpointFolder);
        this.image = image;
    }

    /// <summary>Writes the manifests into <paramref name="output"/> and says which.</summary>
    public void WriteKubernetes(string output)
    {
        using var registry = RegistryAccess.Open(context, null);
        var traffic = (folder.Endpoint.Root.GetMapping("traffic")?.Entries ?? [])
            .Where(e => e.Value is YamlScalar s && s.TryGetInteger(out _))
            .ToDictionary(e => e.Key.Value, e => int.Parse(((YamlScalar)e.Value).Value, System.Globalization.CultureInfo.InvariantCulture));
        var state = new EndpointState(folder.Name, traffic,
            [.. folder.Deployments.Select(d => new DeploymentState(d.Key, d.Value.Root.GetString("model"), null))]);
        var images = folder.Deployments.Keys.ToDictionary(d => d, d => (image ?? "localhost/repoml-{endpoint}-{deployment}:latest")
            .Replace("{endpoint}", folder.Name, StringComparison.Ordinal).Replace("{deployment}", d, StringComparison.Ordinal));
        var counts = folder.Deployments.ToDictionary(d => d.Key, d
            => d.Value.Root["instance_count"] is YamlScalar c && c.TryGetInteger(out var n) ? (int)n : 1);
        foreach (var (name, text) in KubernetesManifests.Write(state, images, counts))
        {
            var path = Path.Combine(context.FullPath(output), name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            context.Output.WriteLine($"wrote {Path.GetRelativePath(root, path)}");
        }
    }

    /// <summary>Creates or updates the endpoint and its deployments in the workspace, then sets the traffic.</summary>
    public async Task DeployAzureMlAsync(AzureMlWorkspace workspace, string? modelUriBase, CancellationToken cancellation)
    {
        using var registry = RegistryAccess.Open(context, null);
        var planner = new AzureMlDeploymentPlanner(workspace,
            reference =>
            {
                var version = registry.Resolve(reference);
                return (version.Name, version.Version);
            },
            modelUriBase ?? DefaultModelUriBase,
            image,
            Environments());
        var plan = planner.Plan(folder.Endpoint.Root, [.. folder.Deployments.Values.Select(d => d.Root)]);
        var client = AzureMlApi.CreateClient(AzureMlApi.DefaultCredential(), workspace.SubscriptionId);
        var written = await new AzureMlOnlineDeployer(client, workspace.Location, line => context.Output.WriteLine(line)).DeployAsync(plan,
            cancellation);
        var traffic = string.Join(", ", plan.Traffic.Select(t => $"{t.Key} {t.Value} %"));
        context.Output.WriteLine($"Azure ML endpoint {folder.Name} reconciled: {written.Count} resources, traffic {traffic}");
    }

    private Dictionary<string, YamlMapping> Environments()
    {
        var environments = Path.Combine(root, "environments");
        var result = new Dictionary<string, YamlMapping>(StringComparer.Ordinal);
        foreach (var file in Directory.Exists(environments) ? Directory.EnumerateFiles(environments, "*.yml") : [])
        {
            if (YamlReader.Read(file, File.ReadAllText(file)).Root is YamlMapping map && map.GetString("name") is { } name)
            {
                result[name] = map;
            }
        }

        return result;
    }
}
