using RepoML.Cli.Commands.Rollout;
using RepoML.Workflows.Cloud;

namespace RepoML.Cli.Commands;

/// <summary>
/// The <c>azureml</c> and <c>kubernetes</c> targets of <c>repoml deploy</c> (<see cref="CloudDeployment"/>), kept apart
/// from the local and container ones: their options and output.
/// </summary>
public static class DeployTargets
{
    /// <summary>Adds the cloud targets' options to the deploy command.</summary>
    public static Command AddTo(Command command)
    {
        Option[] options =
        [
            new Option<string?>("--out") { Description = "kubernetes: folder for the manifests (KServe and plain)." },
            new Option<string?>("--image") { Description = "azureml/kubernetes: the packaged serving image; '{deployment}' is replaced by the deployment's name." },
            new Option<string?>("--store") { Description = "azureml: the artifact store holding the registered models (default: REPOML_STORE or .repoml/store)." },
            CommonOptions.Output(),
            .. AzureMlRunTarget.WorkspaceOptions(),
        ];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        return command;
    }

    /// <summary>True for the azureml and kubernetes targets, and for --dry-run given with another (answered with a usage error).</summary>
    public static bool Handles(ParseResult parse) =>
        parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--target") is Option<string> target
        && (parse.GetValue(target) is "azureml" or "kubernetes" || parse.GetValue<bool>("--dry-run"));

    public static Task<int> RunAsync(CliContext context, ParseResult parse, CancellationToken cancellation) => RunAsync(context, parse, null, cancellation);

    internal static Task<int> RunAsync(CliContext context, ParseResult parse, AzureMlTarget.SessionFactory? open, CancellationToken cancellation)
    {
        var target = parse.GetValue((Option<string>)parse.CommandResult.Command.Options.First(o => o.Name == "--target"));
        if (target != "azureml" && parse.GetValue<bool>("--dry-run"))
        {
            throw WorkflowException.Usage("--dry-run applies to --target azureml");
        }

        var endpoint = parse.GetValue((Argument<string>)parse.CommandResult.Command.Arguments[0])!;
        var deployment = new CloudDeployment(context, endpoint, parse.GetValue<string?>("--image"));
        return RegistryCli.RunAsync(context, async () =>
        {
            if (target == "kubernetes")
            {
                var output = parse.GetValue<string?>("--out") ?? throw WorkflowException.Usage("--target kubernetes needs --out DIR");
                foreach (var path in deployment.WriteKubernetes(output))
                {
                    context.Output.WriteLine($"wrote {path}");
                }

                return (int)ExitCode.Success;
            }

            var json = parse.GetValue<OutputFormat>("--output") == OutputFormat.Json;
            var log = json ? context.Error : context.Output;
            var (session, written, name) = await deployment.DeployAzureMlAsync(
                AzureMlRunTarget.Target(parse, open), parse.GetValue<string?>("--store"), line => log.WriteLine(line), cancellation);
            if (parse.GetValue<bool>("--dry-run"))
            {
                return AzureMlRunTarget.WriteDryRun(context, session, json);
            }

            context.Output.WriteLine($"Azure ML endpoint {name} reconciled: {written} resources (endpoint, deployments, traffic)");
            return (int)ExitCode.Success;
        });
    }
}
