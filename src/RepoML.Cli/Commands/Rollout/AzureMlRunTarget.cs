using System.CommandLine;
using RepoML.Azure;
using RepoML.Core.Yaml;

namespace RepoML.Cli.Commands.Rollout;

/// <summary>
/// <c>repoml run PIPELINE.yml --target azureml</c>: submits the same pipeline file as an Azure ML job through ARM instead of
/// running it here. Wiring (two lines in RunCommand): <c>AzureMlRunTarget.AddTo(command);</c> after building the command, and
/// <c>if (AzureMlRunTarget.Handles(parse)) return await AzureMlRunTarget.RunAsync(context, parse, cancellation);</c> first in its action.
/// </summary>
internal static class AzureMlRunTarget
{
    private static Option<string> Target() => new("--target") { Description = "local (default) or azureml (submit as an Azure ML job).", DefaultValueFactory = _ => "local" };
    private static Option<string?> Experiment() => new("--experiment") { Description = "azureml: experiment name (default: the file's experiment_name, else Default)." };
    private static Option<string?> Compute() => new("--compute") { Description = "azureml: compute cluster name when the file sets no default_compute." };
    private static Option<string?> Subscription() => new("--subscription") { Description = "azureml: subscription id (default: AZURE_SUBSCRIPTION_ID)." };
    private static Option<string?> ResourceGroup() => new("--resource-group") { Description = "azureml: resource group (default: AZUREML_RESOURCE_GROUP)." };
    private static Option<string?> Workspace() => new("--workspace") { Description = "azureml: workspace (default: AZUREML_WORKSPACE)." };

    public static Command AddTo(Command command)
    {
        foreach (var option in new Option[] { Target(), Experiment(), Compute(), Subscription(), ResourceGroup(), Workspace() })
        {
            command.Options.Add(option);
        }

        return command;
    }

    public static bool Handles(ParseResult parse) => parse.GetValue<string>("--target") == "azureml";

    public static async Task<int> RunAsync(CliContext context, ParseResult parse, CancellationToken cancellation)
    {
        var path = context.FullPath(parse.GetValue((Argument<string>)parse.CommandResult.Command.Arguments[0])!);
        if (YamlReader.Read(path, File.ReadAllText(path)).Root is not YamlMapping job)
        {
            throw new UsageException($"'{path}' is not a job file");
        }

        var workspace = AzureMlWorkspace.From(context.GetEnvironmentVariable, parse.GetValue<string?>("--subscription"), parse.GetValue<string?>("--resource-group"), parse.GetValue<string?>("--workspace"), null);
        var compute = parse.GetValue<string?>("--compute") is { } c ? $"{workspace.Id}/computes/{c}" : null;
        var name = $"repoml-{Path.GetFileNameWithoutExtension(path)}-{context.Time.GetUtcNow():yyyyMMddHHmmss}".ToLowerInvariant();
        var client = AzureMlApi.CreateClient(AzureMlApi.DefaultCredential(), workspace.SubscriptionId);
        var (id, status) = await new AzureMlJobSubmitter(client, workspace.Location).SubmitAsync(workspace.Job(name), AzureMlJobBodies.Job(job, parse.GetValue<string?>("--experiment"), compute), cancellation);
        context.Output.WriteLine($"Submitted {name} to Azure ML ({status ?? "submitted"}): {id}");
        return (int)ExitCode.Success;
    }
}
