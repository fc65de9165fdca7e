using System.CommandLine;
using RepoML.Azure;
using RepoML.Cli.Infrastructure;
using RepoML.Cli.Output;
using RepoML.Cli.Pipelines;
using RepoML.Core.Yaml;
using RepoML.Storage;

namespace RepoML.Cli.Commands.Rollout;

/// <summary>
/// <c>repoml run JOB.yml --target azureml [--wait] [--dry-run]</c>: submits the same command, pipeline or sweep job file
/// to Azure ML (RepoML.Azure builds and sends the requests) instead of running it here. Wiring (two lines in
/// RunCommand): <c>AzureMlRunTarget.AddTo(command);</c> and <c>if (AzureMlRunTarget.Handles(parse)) return … RunAsync(…)</c>.
/// </summary>
internal static class AzureMlRunTarget
{
    private static Option<string> Target() => new("--target") { Description = "local (default) or azureml (submit as an Azure ML job).", DefaultValueFactory = _ => "local" };
    private static Option<string?> Experiment() => new("--experiment") { Description = "azureml: experiment name (default: the file's experiment_name, else Default)." };
    private static Option<string?> Compute() => new("--compute") { Description = "azureml: compute cluster to run on, overriding the file's compute and default_compute." };
    private static Option<string?> Subscription() => new("--subscription") { Description = "azureml: subscription id (default: AZURE_SUBSCRIPTION_ID)." };
    private static Option<string?> ResourceGroup() => new("--resource-group") { Description = "azureml: resource group (default: AZUREML_RESOURCE_GROUP)." };
    private static Option<string?> Workspace() => new("--workspace") { Description = "azureml: workspace (default: AZUREML_WORKSPACE)." };
    private static Option<bool> Wait() => new("--wait") { Description = "azureml: follow the job until it ends, fetch its outputs and write the run record." };
    private static Option<bool> DryRun() => new("--dry-run") { Description = "azureml: print the requests and uploads it would make; sends nothing, needs no credential." };

    public static Command AddTo(Command command)
    {
        foreach (var option in new Option[] { Target(), Experiment(), Compute(), Subscription(), ResourceGroup(), Workspace(), Wait(), DryRun() })
        {
            command.Options.Add(option);
        }

        return command;
    }

    /// <summary>True for --target azureml, and for an azureml-only option given without it (answered with a usage error).</summary>
    public static bool Handles(ParseResult parse) =>
        parse.GetValue<string>("--target") == "azureml" || parse.GetValue<bool>("--wait") || parse.GetValue<bool>("--dry-run");

    /// <summary>Opens the Azure ML session of a command; tests pass one that reaches a local ARM stand-in.</summary>
    internal delegate Task<AzureMlSession> SessionFactory(AzureMlWorkspace workspace, bool dryRun, Action<string> log, CancellationToken cancellation);

    private static readonly System.Text.Json.JsonSerializerOptions Indented =
        new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task<int> RunAsync(CliContext context, ParseResult parse, CancellationToken cancellation) => RunAsync(context, parse, null, cancellation);

    internal static Task<int> RunAsync(CliContext context, ParseResult parse, SessionFactory? open, CancellationToken cancellation) =>
        GuardAsync(context, () => SubmitAsync(context, parse, open, cancellation));

    private static async Task<int> SubmitAsync(CliContext context, ParseResult parse, SessionFactory? open, CancellationToken cancellation)
    {
        if (parse.GetValue<string>("--target") != "azureml")
        {
            throw new UsageException("--wait and --dry-run apply to --target azureml; a local run always waits and runs");
        }

        var path = context.FullPath(parse.GetValue((Argument<string>)parse.CommandResult.Command.Arguments[0])!);
        if (!File.Exists(path))
        {
            throw new UsageException($"job file '{path}' does not exist");
        }

        var text = await File.ReadAllTextAsync(path, cancellation);
        if (YamlReader.Read(path, text).Root is not YamlMapping job)
        {
            throw new UsageException($"'{path}' is not a job file");
        }

        var json = parse.GetValue<OutputFormat>("--output") == OutputFormat.Json;
        var dryRun = parse.GetValue<bool>("--dry-run");
        var wait = parse.GetValue<bool>("--wait") && !dryRun;
        var root = WorkspaceRoot.Find(path);
        var workspace = Workspace(context, parse, dryRun);
        var log = json ? context.Error : context.Output;
        var session = await Open(context, open)(workspace, dryRun, line => log.WriteLine(line), cancellation);
        var name = job.GetString("name") ?? AzureMlConnection.JobName(path, context.Time.GetUtcNow());
        var options = new AzureMlJobOptions(name, parse.GetValue<string?>("--experiment"), parse.GetValue<string?>("--compute"));
        var plan = await new AzureMlJobBodies(session, root).BuildAsync(job, path, options, cancellation);
        var address = parse.GetValue<string?>("--store") ?? context.GetEnvironmentVariable("REPOML_STORE");
        var store = wait ? ArtifactStoreFactory.Create(address, root, context.GetEnvironmentVariable) : null;
        var result = await new AzureMlJobRunner(session, context.Time).RunAsync(plan, wait, store, cancellation);
        if (dryRun)
        {
            return WriteDryRun(context, session, json, root);
        }

        if (!wait)
        {
            context.Output.WriteLine($"Submitted {plan.Name} to Azure ML: {plan.Id} (follow it with --wait, or in Azure ML studio)");
            return (int)ExitCode.Success;
        }

        var record = AzureMlRunRecords.Build(result, Path.GetRelativePath(root, path).Replace('\\', '/'), text, HostFacts.Git(root), HostFacts.Host());
        new RunsFolder(root).Save(record);
        await Monitoring.CliEvents.PublishRunAsync(context, root, record, cancellation);
        if (json)
        {
            context.Output.WriteLine(RunCommand.ToJson(record).ToJsonString(Indented));
        }
        else
        {
            context.Output.WriteLine($"Azure ML job {plan.Name} {result.Status}; run record .repoml/runs/{record.RunId}/run.json");
        }

        return result.Completed ? (int)ExitCode.Success : (int)ExitCode.Invalid;
    }

    /// <summary>The workspace from options and environment; in a dry run a missing one is shown as the spec's placeholder.</summary>
    internal static AzureMlWorkspace Workspace(CliContext context, ParseResult parse, bool dryRun)
    {
        try
        {
            return AzureMlWorkspace.From(
                context.GetEnvironmentVariable, parse.GetValue<string?>("--subscription"), parse.GetValue<string?>("--resource-group"),
                parse.GetValue<string?>("--workspace"), null, dryRun);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    /// <summary>The session factory of the real command: a dry run needs nothing, a live one a credential.</summary>
    internal static SessionFactory Open(CliContext context, SessionFactory? open) =>
        open ?? ((workspace, dryRun, log, cancellation) => AzureMlConnection.OpenAsync(context.GetEnvironmentVariable, workspace, dryRun, log, cancellation));

    internal static int WriteDryRun(CliContext context, AzureMlSession session, bool json, string root)
    {
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

    /// <summary>A credential problem is a usage error (exit 2); a file or request Azure ML refuses is exit 1 with its message.</summary>
    internal static async Task<int> GuardAsync(CliContext context, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (AzureMlCredentialException ex)
        {
            throw new UsageException(ex.Message);
        }
        catch (Exception ex) when (ex is AzureMlSpecException or AzureMlRequestException)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return (int)ExitCode.Invalid;
        }
    }
}
