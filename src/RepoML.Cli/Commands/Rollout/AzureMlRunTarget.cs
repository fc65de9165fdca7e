using RepoML.Azure;
using RepoML.Workflows.Cloud;

namespace RepoML.Cli.Commands.Rollout;

/// <summary>
/// <c>repoml run JOB.yml --target azureml [--wait] [--dry-run]</c>: submits the same command, pipeline or sweep job file to
/// Azure ML (<see cref="AzureMlJobSubmission"/>) instead of running it here; this file holds the options and the output.
/// </summary>
internal static class AzureMlRunTarget
{
    private static readonly JsonSerializerOptions Indented =
        new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command AddTo(Command command)
    {
        Option[] options =
        [
            new Option<string>("--target") { Description = "local (default) or azureml (submit as an Azure ML job).", DefaultValueFactory = _ => "local" },
            new Option<string?>("--experiment") { Description = "azureml: experiment name (default: the file's experiment_name, else Default)." },
            new Option<string?>("--compute") { Description = "azureml: compute cluster to run on, overriding the file's compute and default_compute." },
            new Option<bool>("--wait") { Description = "azureml: follow the job until it ends, fetch its outputs and write the run record." },
            .. WorkspaceOptions(),
        ];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        return command;
    }

    /// <summary>The Azure ML workspace and dry-run options, shared with <c>repoml deploy --target azureml</c>.</summary>
    public static Option[] WorkspaceOptions() =>
    [
        new Option<string?>("--subscription") { Description = "azureml: subscription id (default: AZURE_SUBSCRIPTION_ID)." },
        new Option<string?>("--resource-group") { Description = "azureml: resource group (default: AZUREML_RESOURCE_GROUP)." },
        new Option<string?>("--workspace") { Description = "azureml: workspace (default: AZUREML_WORKSPACE)." },
        new Option<bool>("--dry-run") { Description = "azureml: print the requests and uploads it would make; sends nothing, needs no credential." },
    ];

    /// <summary>True for --target azureml, and for an azureml-only option given without it (answered with a usage error).</summary>
    public static bool Handles(ParseResult parse) =>
        parse.GetValue<string>("--target") == "azureml" || parse.GetValue<bool>("--wait") || parse.GetValue<bool>("--dry-run");

    /// <summary>The target the workspace options name; <paramref name="open"/> is for tests (a local ARM stand-in).</summary>
    public static AzureMlTarget Target(ParseResult parse, AzureMlTarget.SessionFactory? open = null) => new(
        parse.GetValue<string?>("--subscription"), parse.GetValue<string?>("--resource-group"), parse.GetValue<string?>("--workspace"),
        parse.GetValue<bool>("--dry-run"), open);

    public static async Task<int> RunAsync(CliContext context, ParseResult parse, AzureMlTarget.SessionFactory? open, CancellationToken cancellation)
    {
        if (parse.GetValue<string>("--target") != "azureml")
        {
            throw WorkflowException.Usage("--wait and --dry-run apply to --target azureml; a local run always waits and runs");
        }

        var json = parse.GetValue<OutputFormat>("--output") == OutputFormat.Json;
        var log = json ? context.Error : context.Output;
        var file = parse.GetValue((Argument<string>)parse.CommandResult.Command.Arguments[0])!;
        var result = await AzureMlJobSubmission.SubmitAsync(context, file, Target(parse, open), parse.GetValue<string?>("--experiment"),
            parse.GetValue<string?>("--compute"), parse.GetValue<bool>("--wait"), parse.GetValue<string?>("--store"), line => log.WriteLine(line), cancellation);
        if (parse.GetValue<bool>("--dry-run"))
        {
            return WriteDryRun(context, result.Session, json);
        }

        if (result.Record is not { } record)
        {
            context.Output.WriteLine($"Submitted {result.Name} to Azure ML: {result.Id} (follow it with --wait, or in Azure ML studio)");
            return (int)ExitCode.Success;
        }

        context.Output.WriteLine(json
            ? RunCommand.ToJson(record).ToJsonString(Indented)
            : $"Azure ML job {result.Name} {result.Status}; run record .repoml/runs/{record.RunId}/run.json");
        return result.Completed ? (int)ExitCode.Success : (int)ExitCode.Invalid;
    }

    /// <summary>The requests a dry run would send: JSON <c>{"requests": […], "uploads": […]}</c>, else one line each.</summary>
    public static int WriteDryRun(CliContext context, AzureMlSession session, bool json)
    {
        var root = context.WorkspaceRoot;
        if (json)
        {
            context.Output.WriteLine(AzureMlDryRun.Json(session, root).ToJsonString(Indented));
            return (int)ExitCode.Success;
        }

        foreach (var upload in session.Uploads)
        {
            context.Output.WriteLine($"upload {Path.GetRelativePath(root, upload.Source)} -> {upload.Destination}");
        }

        foreach (var request in session.Channel.Requests)
        {
            context.Output.WriteLine($"{request.Method} {request.Path} (api-version {request.ApiVersion})");
        }

        return (int)ExitCode.Success;
    }
}
