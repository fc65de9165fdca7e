namespace RepoML.Workflows.Packaging;

/// <summary>
/// The work of <c>repoml deploy</c> on this machine: stops what the last deploy started, starts each deployment (a server
/// process, or its packaged image in podman), scores the sample request against each, and announces the outcome as events.
/// </summary>
public sealed class EndpointDeployment(WorkflowContext context, string endpointFolder)
{
    private readonly EndpointDeployer deployer = new(context, context.WorkspaceRoot, endpointFolder);

    /// <summary>Stops what the last deploy of this endpoint started; null when nothing was.</summary>
    public Task<DeploymentRecord?> DownAsync(CancellationToken cancel) => deployer.DownAsync(cancel);

    /// <param name="target"><c>local</c> or <c>container</c>.</param>
    /// <param name="only">One deployment, or null for all.</param>
    /// <returns>The record of what runs; failed when a smoke test did not answer 200.</returns>
    public async Task<(DeploymentRecord Record, bool Failed)> UpAsync(string target, string? only, int port, CancellationToken cancel)
    {
        var root = context.WorkspaceRoot;
        var names = PackagingPaths.Deployments(root, endpointFolder, only);
        await deployer.DownAsync(cancel);
        var record = target switch
        {
            "local" => await deployer.UpLocalAsync(names, port, cancel),
            "container" => await deployer.UpContainersAsync(names, port, cancel),
            var other => throw WorkflowException.Usage($"--target '{other}' is not local, container, azureml or kubernetes"),
        };
        var key = deployer.Key();
        var sample = Path.Combine(endpointFolder, "sample-request.json");
        var failed = false;
        foreach (var instance in record.Instances)
        {
            var where = instance.Container is { } c ? $"(container {c}, image {instance.Image})" : $"(pid {instance.ProcessId})";
            context.Output.WriteLine($"{instance.Deployment}: ready at {instance.Url} {where}");
            if (File.Exists(sample))
            {
                var (status, body) = await SmokeTest.ScoreAsync(instance.Url, sample, key, instance.Deployment, cancel);
                failed |= status != 200;
                context.Output.WriteLine($"  smoke test: POST /score sample-request.json -> {status} {body}");
            }
        }

        await PublishAsync(Path.GetFileName(endpointFolder.TrimEnd('/')), record, failed, target, cancel);
        return (record, failed);
    }

    /// <summary>ModelDeployed per running deployment, or DeploymentFailed when its smoke test failed.</summary>
    private async Task PublishAsync(string endpoint, DeploymentRecord record, bool failed, string target, CancellationToken cancellation)
    {
        var root = context.WorkspaceRoot;
        var (publisher, _, settings) = WorkspaceEvents.Create(context, root);
        var source = WorkspaceEvents.Source(settings, root);
        var now = context.Time.GetUtcNow();
        var key = now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var instance in record.Instances)
        {
            var modelIds = instance.Image is { } image ? new[] { image } : [];
            var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["url"] = instance.Url, ["target"] = target };
            await publisher.PublishAsync(failed
                ? LifecycleEvents.DeploymentFailed(source, now, endpoint, instance.Deployment, modelIds,
                    "smoke test of sample-request.json failed", key)
                : LifecycleEvents.ModelDeployed(source, now, endpoint, instance.Deployment, modelIds, target, properties, key), cancellation);
        }
    }
}
