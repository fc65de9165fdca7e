using RepoML.Serving.Models;

namespace RepoML.Workflows.Rollout;

/// <summary>
/// Desired state (the endpoint files in the working tree, their <c>azureml:</c> references resolved through the Git registry to a
/// version and its digest) beside observed state (the live endpoint's <c>/health/ready</c>): <c>repoml status</c>, and what
/// <c>repoml promote</c> reconciles before each step.
/// </summary>
public static class EndpointStatusReader
{
    /// <param name="address">The live endpoint (any of its addresses); default: a running <c>repoml serve</c> of it, else the plan's metrics_url.</param>
    public static async Task<EndpointStatus> ReadAsync(WorkflowContext context, string endpoint, string? address, CancellationToken cancellation)
    {
        var root = Disk.WorkspaceRoot.Find(context.FullPath(endpoint));
        var folder = EndpointFolder.Read(root, context.FullPath(endpoint));
        address ??= Serving.LocalEndpoints.Running(root).FirstOrDefault(e => e.Folder == folder.Relative)?.Address ?? PlanAddress(root, folder);
        var desired = Desired(root, folder);
        return new EndpointStatus(folder.Name, folder.Relative, address, desired, await LiveAsync(desired, address, cancellation));
    }

    /// <summary>Reads the live endpoint and compares it with <paramref name="desired"/>.</summary>
    public static async Task<LiveState> LiveAsync(IReadOnlyList<DesiredDeployment> desired, string? address, CancellationToken cancellation)
    {
        if (address is null)
        {
            return new LiveState(null, "no live address: pass --url, set metrics_url in the rollout plan, or run 'repoml serve'");
        }

        var (observed, problem) = await LiveEndpointProbe.ReadAsync(address, cancellation);
        return observed is null ? new LiveState(null, problem) : new LiveState(EndpointDrift.Compare(desired, observed));
    }

    /// <summary>Each deployment file's model resolved now, and the endpoint file's traffic.</summary>
    public static IReadOnlyList<DesiredDeployment> Desired(string root, EndpointFolder folder)
    {
        var traffic = folder.Endpoint.Root.GetMapping("traffic")?.Entries.ToDictionary(e => e.Key.Value,
            e => e.Value is YamlScalar s && s.TryGetInteger(out var percent) ? (int)percent : 0, StringComparer.Ordinal) ?? [];
        GitModelRegistry? registry = null;
        string? registryProblem = null;
        try
        {
            var list = new List<DesiredDeployment>();
            foreach (var (name, (path, _, map)) in folder.Deployments.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                var share = traffic.GetValueOrDefault(name);
                switch (map["model"])
                {
                    case YamlScalar { IsNull: false } reference:
                        if (registry is null && registryProblem is null)
                        {
                            (registry, registryProblem) = OpenRegistry(root);
                        }

                        list.Add(Registered(name, reference.Value, share, registry, registryProblem));
                        break;
                    case YamlMapping inline when inline.GetString("path") is { } local:
                        list.Add(Inline(root, path, name, local, share));
                        break;
                    default:
                        list.Add(new DesiredDeployment(name, null, null, null, null, share));
                        break;
                }
            }

            return list;
        }
        finally
        {
            registry?.Dispose();
        }
    }

    private static DesiredDeployment Registered(string name, string reference, int traffic, GitModelRegistry? registry, string? problem)
    {
        if (registry is null)
        {
            return new DesiredDeployment(name, reference, null, null, null, traffic, problem);
        }

        try
        {
            var version = registry.Resolve(reference);
            return new DesiredDeployment(name, reference, version.Name, version.Version, version.Digest, traffic);
        }
        catch (Exception ex) when (ex is RegistryException or FormatException or ArgumentException)
        {
            return new DesiredDeployment(name, reference, null, null, null, traffic, ex.Message);
        }
    }

    private static DesiredDeployment Inline(string root, string deploymentFile, string name, string local, int traffic)
    {
        var full = Path.GetFullPath(local, Path.GetDirectoryName(Path.Combine(root, deploymentFile))!);
        try
        {
            return new DesiredDeployment(name, local, null, 1, ModelDigest.Compute(full), traffic);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new DesiredDeployment(name, local, null, null, null, traffic, $"{local}: {ex.Message}");
        }
    }

    private static (GitModelRegistry? Registry, string? Problem) OpenRegistry(string root)
    {
        try
        {
            return (GitModelRegistry.Open(root, new RegistryOpenOptions()), null);
        }
        catch (Exception ex) when (ex is RegistryException or InvalidOperationException or IOException or LibGit2Sharp.LibGit2SharpException)
        {
            return (null, $"the registry cannot be read: {ex.Message}");
        }
    }

    private static string? PlanAddress(string root, EndpointFolder folder)
    {
        var path = $"{folder.Relative}/{RolloutPlan.FileName}";
        var file = Path.Combine(root, path);
        return File.Exists(file) ? RolloutPlanReader.Read(path, File.ReadAllText(file)).Plan?.MetricsUrl : null;
    }
}
