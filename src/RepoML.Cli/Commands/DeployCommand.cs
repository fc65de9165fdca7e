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
        var endpoint = CommonOptions.Endpoint("The endpoint folder (endpoints/NAME).");
        var target = new Option<string>("--target") { Description =
            "local (a server process), container (the packaged images, podman --network host), azureml (managed online endpoint through " +
            "ARM) or kubernetes (manifests into --out).", DefaultValueFactory = _ => "local" };
        var deployment = new Option<string?>("--deployment", "-d") { Description = "Only this deployment (default: all)." };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (containers take PORT, PORT+1, … in deployment order).",
            DefaultValueFactory = _ => 5001 };
        var down = new Option<bool>("--down") { Description = "Stop what the last deploy of this endpoint started." };
        var command = new Command("deploy", "Deploy an endpoint: locally (a process or containers, smoke-tested with its sample " +
            "request), to Azure ML, or as Kubernetes manifests.") { endpoint, target, deployment, port, down };
        DeployTargets.AddTo(command);
        command.SetAction((parse, cancel) => DeployTargets.Handles(parse) ? DeployTargets.RunAsync(context, parse,
            cancel) : PackagingCli.RunAsync(context, async () =>
        {
            var deploy = new EndpointDeployment(context, PackagingPaths.EndpointFolder(context, parse.GetValue(endpoint)!));
            if (parse.GetValue(down))
            {
                var stopped = await deploy.DownAsync(cancel);
                context.Output.WriteLine(stopped is null
                    ? "Nothing is deployed for this endpoint."
                    : $"Stopped {stopped.Target} deployment of {stopped.Endpoint}: " +
                        $"{string.Join(", ", stopped.Instances.Select(i => i.Container ?? $"pid {i.ProcessId}"))}");
                return (int)ExitCode.Success;
            }

            var (_, failed) = await deploy.UpAsync(parse.GetValue(target)!, parse.GetValue(deployment), parse.GetValue(port), cancel);
            context.Output.WriteLine($"Stop with: repoml deploy {parse.GetValue(endpoint)} --down");
            return (int)(failed ? ExitCode.Invalid : ExitCode.Success);
        }));
        return command;
    }
}
