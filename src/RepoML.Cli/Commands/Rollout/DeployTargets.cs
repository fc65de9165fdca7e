using RepoML.Azure;

namespace RepoML.Cli.Commands.Rollout;

/// <summary>
/// The <c>azureml</c> and <c>kubernetes</c> targets of <c>repoml deploy</c>, kept apart from the local/container ones.
/// Wiring (two lines in DeployCommand): <c>var cloud = DeployTargets.AddTo(command);</c> after building the command, and
/// <c>if (DeployTargets.Handles(parse)) return await DeployTargets.RunAsync(context, parse, cancel);</c> first in its action.
/// </summary>
public static class DeployTargets
{
    private static Option<string?> Out() => new("--out") { Description = "kubernetes: folder for the manifests (KServe and plain)." };
    private static Option<string?> Image() => new("--image") { Description =
        "azureml/kubernetes: the packaged serving image; '{deployment}' is replaced by the deployment's name." };
    private static Option<string?> ModelUri() => new("--model-uri-base") { Description =
        "azureml: where the model files are uploaded (default: azureml://datastores/workspaceblobstore/paths/repoml/models)." };

    /// <summary>Adds the cloud targets' options to the deploy command.</summary>
    public static Command AddTo(Command command)
    {
        Option[] options = [Out(), Image(), .. AzureMlOptions.Workspace(), ModelUri()];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        return command;
    }

    public static bool Handles(ParseResult parse) =>
        parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--target") is Option<string> target
            && parse.GetValue(target) is "azureml" or "kubernetes";

    public static async Task<int> RunAsync(CliContext context, ParseResult parse, CancellationToken cancellation)
    {
        var target = parse.GetValue((Option<string>)parse.CommandResult.Command.Options.First(o => o.Name == "--target"));
        var endpointArgument = (Argument<string>)parse.CommandResult.Command.Arguments[0];
        return await RegistryCli.RunAsync(context, async () =>
        {
            var deployer = new CloudDeployer(context, context.FullPath(parse.GetValue(endpointArgument)!), parse.GetValue<string?>("--image"));
            if (target == "kubernetes")
            {
                deployer.WriteKubernetes(parse.GetValue<string?>("--out") ?? throw WorkflowException.Usage("--target kubernetes needs --out DIR"));
            }
            else
            {
                var (subscription, resourceGroup, name) = AzureMlOptions.Read(parse);
                var workspace = AzureMlWorkspace.From(context.GetEnvironmentVariable, subscription, resourceGroup, name, null);
                await deployer.DeployAzureMlAsync(workspace, parse.GetValue<string?>("--model-uri-base"), cancellation);
            }

            return (int)ExitCode.Success;
        });
    }
}
