using System.CommandLine;
using System.Text.Json.Nodes;
using RepoML.Cli.Infrastructure;
using RepoML.Cli.Output;
using RepoML.Cli.Pipelines;
using RepoML.Core.Pipelines;
using RepoML.Core.Runs;
using RepoML.Core.Specs;
using RepoML.Core.Workspace;
using RepoML.Storage;
using Spectre.Console;

namespace RepoML.Cli.Commands;

/// <summary><c>repoml run PIPELINE.yml</c>: runs an Azure ML pipeline job locally, reusing cached job outputs.</summary>
public static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var pipeline = new Argument<string>("pipeline") { Description = "The pipeline job YAML file." };
        var set = new Option<string[]>("--set") { Description = "Override a pipeline input: --set inputs.NAME=VALUE (repeatable).", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        var explain = new Option<bool>("--explain") { Description = "Say for each job why it ran or was reused." };
        var force = new Option<bool>("--force-rerun") { Description = "Run every job even when its cached outputs could be reused." };
        var parallel = new Option<int>("--max-parallel") { Description = "Most jobs to run at once (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var store = new Option<string?>("--store") { Description = "Artifact store address (default: REPOML_STORE or .repoml/store)." };
        var output = CommonOptions.Output();
        var command = new Command("run", "Run a pipeline job locally: each job a process, independent jobs in parallel, unchanged jobs reused from the cache.")
        {
            pipeline, set, explain, force, parallel, store, output,
        };
        Rollout.AzureMlRunTarget.AddTo(command);
        command.SetAction((parse, cancellation) => Rollout.AzureMlRunTarget.Handles(parse) ? Rollout.AzureMlRunTarget.RunAsync(context, parse, cancellation) : RunAsync(context, parse.GetValue(pipeline)!, parse.GetValue(set) ?? [], parse.GetValue(explain), parse.GetValue(force), parse.GetValue(parallel), parse.GetValue(store), parse.GetValue(output), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string pipelinePath, string[] sets, bool explain, bool force, int maxParallel, string? storeAddress, OutputFormat format, CancellationToken cancellation)
    {
        var full = context.FullPath(pipelinePath);
        if (!File.Exists(full))
        {
            throw new UsageException($"pipeline file '{pipelinePath}' does not exist");
        }

        var overrides = sets.Select(ParseSet).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var files = new DiskWorkspaceFiles(WorkspaceRoot.Find(full));
        var relative = files.TryRelative(full)!;
        var workspace = WorkspaceLoader.Load(files, [relative]);
        var spec = workspace.File(relative);
        if (spec is not { Kind: SpecKind.PipelineJob or SpecKind.CommandJob })
        {
            throw new UsageException($"'{pipelinePath}' is not a pipeline job file");
        }

        WorkspaceValidator.Validate(workspace, files);
        var errors = spec.Diagnostics.Where(d => d.IsError).ToList();
        var (plan, diagnostics) = errors.Count == 0 ? PipelinePlanner.Plan(workspace, spec, overrides) : (null, []);
        errors.AddRange(diagnostics.Where(d => d.IsError));
        if (plan is null || errors.Count > 0)
        {
            DiagnosticRenderer.Render(context.Error, OutputFormat.Text, errors, _ => spec.Text, includeInfo: false);
            return (int)ExitCode.Invalid;
        }

        var store = ArtifactStoreFactory.Create(storeAddress ?? context.GetEnvironmentVariable("REPOML_STORE"), files.Root, context.GetEnvironmentVariable);
        RunRecord record;
        if (context.Interactive && format == OutputFormat.Text)
        {
            record = await context.Console.Progress().AutoClear(false).StartAsync(async progress =>
                await new PipelineRunner(new PipelineRunSettings(files, workspace, store, context.Time, new SpectreObserver(progress, plan.Jobs.Select(j => j.Name)), force, Math.Max(1, maxParallel))).RunAsync(plan, cancellation));
        }
        else
        {
            var log = format == OutputFormat.Text ? context.Output : context.Error;
            record = await new PipelineRunner(new PipelineRunSettings(files, workspace, store, context.Time, new LineObserver(log), force, Math.Max(1, maxParallel))).RunAsync(plan, cancellation);
        }

        // Lifecycle events (RunStatusChanged, RunCompleted): outbox first, then the sinks of events.yml.
        await Monitoring.CliEvents.PublishRunAsync(context, files.Root, record, cancellation);

        if (format == OutputFormat.Json)
        {
            context.Output.WriteLine(ToJson(record).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            RunSummary.Write(context, record, explain);
        }

        return record.Status switch
        {
            RunRecord.Completed => (int)ExitCode.Success,
            RunRecord.Canceled => 130,
            _ => (int)ExitCode.Invalid,
        };
    }

    private static (string Name, string Value) ParseSet(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (!text.StartsWith("inputs.", StringComparison.Ordinal) || equals < 0)
        {
            throw new UsageException($"--set expects inputs.NAME=VALUE, got '{text}'");
        }

        return (text["inputs.".Length..equals], text[(equals + 1)..]);
    }

    /// <summary>The documented machine interface: run_id, status, and per job name/status/cached/outputs.</summary>
    public static JsonObject ToJson(RunRecord record) => new()
    {
        ["run_id"] = record.RunId,
        ["status"] = record.Status,
        ["jobs"] = new JsonArray(record.Jobs.Select(j => (JsonNode)new JsonObject
        {
            ["name"] = j.Name,
            ["status"] = j.Status == JobRecord.Canceled ? JobRecord.Skipped : j.Status,
            ["cached"] = j.Cached,
            ["reason"] = j.Reason,
            ["outputs"] = new JsonObject(j.Outputs.Select(o => KeyValuePair.Create(o.Key, (JsonNode?)o.Value))),
            ["metrics"] = new JsonObject(j.Metrics.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))),
        }).ToArray()),
    };
}
