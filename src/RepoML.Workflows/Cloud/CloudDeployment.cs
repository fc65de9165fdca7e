using RepoML.Azure;
using RepoML.Workflows.Rollout;

namespace RepoML.Workflows.Cloud;

/// <summary>
/// The cloud targets of <c>repoml deploy</c>: Kubernetes manifests (KServe and plain) written to a folder, or an Azure ML
/// managed online endpoint: model files uploaded, then the endpoint, its deployments and the traffic, each waited on.
/// The image is the packaged serving image ('{deployment}' replaced by the deployment's name).
/// </summary>
public sealed class CloudDeployment(WorkflowContext context, string endpointFolder, string? image)
{
    private readonly string root = context.WorkspaceRoot;

    /// <summary>Writes the manifests into <paramref name="output"/>; returns their paths relative to the workspace.</summary>
    public IReadOnlyList<string> WriteKubernetes(string output)
    {
        var folder = EndpointFolder.Read(root, context.FullPath(endpointFolder));
        var traffic = (folder.Endpoint.Root.GetMapping("traffic")?.Entries ?? [])
            .Where(e => e.Value is YamlScalar s && s.TryGetInteger(out _))
            .ToDictionary(e => e.Key.Value, e => int.Parse(((YamlScalar)e.Value).Value, CultureInfo.InvariantCulture));
        var state = new EndpointState(folder.Name, traffic,
            [.. folder.Deployments.Select(d => new DeploymentState(d.Key, d.Value.Root.GetString("model"), null))]);
        var images = folder.Deployments.Keys.ToDictionary(d => d, d => (image ?? "localhost/repoml-{endpoint}-{deployment}:latest")
            .Replace("{endpoint}", folder.Name, StringComparison.Ordinal).Replace("{deployment}", d, StringComparison.Ordinal));
        var counts = folder.Deployments.ToDictionary(d => d.Key, d
            => d.Value.Root["instance_count"] is YamlScalar c && c.TryGetInteger(out var n) ? (int)n : 1);
        var written = new List<string>();
        var keyAuth = string.Equals(folder.Endpoint.Root.GetString("auth_mode") ?? "key", "key", StringComparison.OrdinalIgnoreCase);
        foreach (var (name, text) in KubernetesManifests.Write(state, images, counts, keyAuth: keyAuth))
        {
            var path = Path.Combine(context.FullPath(output), name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicText.Write(path, text);
            written.Add(Path.GetRelativePath(root, path));
        }

        if (keyAuth)
        {
            // The keys never go into the manifests: the pods wait for this Secret.
            context.Output.WriteLine($"auth_mode key: create the Secret the pods mount first: kubectl create secret generic " +
                $"{KubernetesManifests.KeysSecretName(folder.Name)} --from-file={folder.Name}.json=.repoml/keys/{folder.Name}.json " +
                $"(see 'repoml endpoint keys {endpointFolder}')");
        }

        return written;
    }

    /// <summary>Reconciles the endpoint in Azure ML; returns the session (what was sent) and how many resources were written.</summary>
    public async Task<(AzureMlSession Session, int Written, string Endpoint)> DeployAzureMlAsync(
        AzureMlTarget target, string? storeAddress, Action<string> log, CancellationToken cancellation)
    {
        var folder = EndpointFolder.Read(root, context.FullPath(endpointFolder));
        using var registry = RegistryAccess.Open(context, null);
        var store = RegistryAccess.OpenStore(context, root, storeAddress);
        var session = await target.OpenAsync(context, log, cancellation);
        var request = new AzureMlEndpointRequest(
            folder.Endpoint.Root, Path.Combine(root, folder.Endpoint.Path),
            [.. folder.Deployments.Values.Select(d => (d.Root, Path.Combine(root, d.Path)))],
            reference =>
            {
                var version = registry.Resolve(reference);
                return new DeploymentModel(version.Name, version.Version, version.Digest, version.Record.Description, version.Record.Tags);
            },
            image,
            Environments());
        var written = await AzureMlTarget.Guard(() => new AzureMlOnlineDeployer(session, store, root).DeployAsync(request, cancellation));
        return (session, written.Count, folder.Name);
    }

    private Dictionary<string, YamlMapping> Environments()
    {
        var folder = Path.Combine(root, "environments");
        var result = new Dictionary<string, YamlMapping>(StringComparer.Ordinal);
        foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.yml") : [])
        {
            if (YamlReader.Read(file, File.ReadAllText(file)).Root is YamlMapping map && map.GetString("name") is { } name)
            {
                result[name] = map;
            }
        }

        return result;
    }
}
