using System.CommandLine;
using RepoML.Workflows.Packaging;
using RepoML.Workflows.Registry;

namespace RepoML.Cli.Commands;

/// <summary>
/// <c>repoml deploy endpoints/NAME [--target local|container] [--deployment D] [--port N] [--down]</c>: runs the
/// endpoint on this machine (a server process, or the packaged images in podman), waits for readiness and scores
/// the sample request; <c>--down</c> stops what the last deploy started.
/// </summary>
public static class DeployCommand
{
    public static Command Create(CliContext context)
    {
        var endpoint = new Argument<string>("endpoint") { Description = "The endpoint folder (endpoints/NAME)." };
        var target = new Option<string>("--target") { Description = "local (a server process), container (the packaged images, podman --network host), azureml (managed online endpoint through ARM) or kubernetes (manifests into --out).", DefaultValueFactory = _ => "local" };
        var deployment = new Option<string?>("--deployment", "-d") { Description = "Only this deployment (default: all)." };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (containers take PORT, PORT+1, … in deployment order).", DefaultValueFactory = _ => 5001 };
        var down = new Option<bool>("--down") { Description = "Stop what the last deploy of this endpoint started." };
        var command = new Command("deploy", "Deploy an endpoint: locally (a process or containers, smoke-tested with its sample request), to Azure ML, or as Kubernetes manifests.") { endpoint, target, deployment, port, down };
        DeployTargets.AddTo(command);
        command.SetAction((parse, cancel) => DeployTargets.Handles(parse) ? DeployTargets.RunAsync(context, parse, cancel) : PackagingCli.RunAsync(context, async () =>
        {
            var root = context.WorkspaceRoot;
            var folder = PackagingPaths.EndpointFolder(context, parse.GetValue(endpoint)!);
            var deployer = new EndpointDeployer(context, root, folder);
            if (parse.GetValue(down))
            {
                var stopped = await deployer.DownAsync(cancel);
                context.Output.WriteLine(stopped is null ? "Nothing is deployed for this endpoint." : $"Stopped {stopped.Target} deployment of {stopped.Endpoint}: {string.Join(", ", stopped.Instances.Select(i => i.Container ?? $"pid {i.ProcessId}"))}");
                return (int)ExitCode.Success;
            }

            var names = PackagingPaths.Deployments(root, folder, parse.GetValue(deployment));
            await deployer.DownAsync(cancel);
            var record = parse.GetValue(target) switch
            {
                "local" => await deployer.UpLocalAsync(names, parse.GetValue(port), cancel),
                "container" => await deployer.UpContainersAsync(names, parse.GetValue(port), cancel),
                var other => throw WorkflowException.Usage($"--target '{other}' is not local, container, azureml or kubernetes"),
            };
            var key = deployer.Key();
            var sample = Path.Combine(folder, "sample-request.json");
            var failed = false;
            foreach (var instance in record.Instances)
            {
                context.Output.WriteLine($"{instance.Deployment}: ready at {instance.Url}{(instance.Container is { } c ? $" (container {c}, image {instance.Image})" : $" (pid {instance.ProcessId})")}");
                if (File.Exists(sample))
                {
                    var (status, body) = await SmokeTest.ScoreAsync(instance.Url, sample, key, instance.Deployment, cancel);
                    failed |= status != 200;
                    context.Output.WriteLine($"  smoke test: POST /score sample-request.json -> {status} {body}");
                }
            }

            await PublishAsync(context, root, Path.GetFileName(folder.TrimEnd('/')), record, failed, parse.GetValue(target)!, cancel);
            context.Output.WriteLine($"Stop with: repoml deploy {parse.GetValue(endpoint)} --down");
            return (int)(failed ? ExitCode.Invalid : ExitCode.Success);
        }));
        return command;
    }

    /// <summary>ModelDeployed per running deployment, or DeploymentFailed when its smoke test failed.</summary>
    private static async Task PublishAsync(CliContext context, string root, string endpoint, DeploymentRecord record, bool failed, string target, CancellationToken cancellation)
    {
        var (publisher, _, settings) = WorkspaceEvents.Create(context, root);
        var source = WorkspaceEvents.Source(settings, root);
        var now = context.Time.GetUtcNow();
        var key = now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var instance in record.Instances)
        {
            var modelIds = instance.Image is { } image ? new[] { image } : [];
            var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["url"] = instance.Url, ["target"] = target };
            await publisher.PublishAsync(failed
                ? Core.Events.LifecycleEvents.DeploymentFailed(source, now, endpoint, instance.Deployment, modelIds, "smoke test of sample-request.json failed", key)
                : Core.Events.LifecycleEvents.ModelDeployed(source, now, endpoint, instance.Deployment, modelIds, target, properties, key), cancellation);
        }
    }
}
