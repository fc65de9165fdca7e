namespace RepoML.Cli.Commands;

/// <summary><c>repoml run PIPELINE.yml</c>: runs an Azure ML pipeline job locally, reusing cached job outputs.</summary>
public static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var pipeline = new Argument<string>("pipeline") { Description = "The pipeline job YAML file." };
        var set = new Option<string[]>("--set") { Description = "Override a pipeline input: --set inputs.NAME=VALUE (repeatable).",
            Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        var explain = new Option<bool>("--explain") { Description = "Say for each job why it ran or was reused." };
        var force = new Option<bool>("--force-rerun") { Description = "Run every job even when its cached outputs could be reused." };
        var parallel = new Option<int>("--max-parallel") { Description = "Most jobs to run at once (default: the number of cores).",
            DefaultValueFactory = _ => Environment.ProcessorCount };
        var store = new Option<string?>("--store") { Description = "Artifact store address (default: REPOML_STORE or .repoml/store)." };
        var isolation = new Option<string>("--isolation") { Description =
            "host (default): steps run on this machine; container: each step in its environment's image with podman, no network.",
            DefaultValueFactory = _ => "host" };
        isolation.AcceptOnlyFromAmong("host", "container");
        var output = CommonOptions.Output();
        var command = new Command("run", "Run a pipeline job locally: each job a process, independent jobs in parallel, unchanged jobs " +
            "reused from the cache.")
        {
            pipeline, set, explain, force, parallel, store, isolation, output,
        };
        AzureMlRunTarget.AddTo(command);
        command.SetAction((parse, cancellation) => AzureMlRunTarget.Handles(parse) ? AzureMlRunTarget.RunAsync(context, parse, null,
            cancellation) : RunAsync(context, new PipelineRunRequest(parse.GetValue(pipeline)!, parse.GetValue(set) ?? [], parse.GetValue(force),
            parse.GetValue(parallel),
                parse.GetValue(store), typeof(RepoMLApp).Assembly.Location, parse.GetValue(isolation) == "container"), parse.GetValue(explain),
                parse.GetValue(output), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, PipelineRunRequest request, bool explain, OutputFormat format,
        CancellationToken cancellation)
    {
        var run = PipelineRun.Prepare(context, request);
        var record = context.Interactive && format == OutputFormat.Text
            ? await context.Console.Progress().AutoClear(false).StartAsync(progress => run.RunAsync(new SpectreObserver(progress, run.Jobs),
                cancellation))
            : await run.RunAsync(new LineObserver(format == OutputFormat.Text ? context.Output : context.Error), cancellation);
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
        }.WithSweepAndRegistrations(j)).ToArray()),
    };

    /// <summary>A sweep's best trial and the assets a job registered, only for jobs that have them.</summary>
    private static JsonObject WithSweepAndRegistrations(this JsonObject job, JobRecord record)
    {
        if (record.BestTrial is { } best)
        {
            job["best_trial"] = best;
        }

        if (record.Registered is { } registered)
        {
            job["registered"] = new JsonArray([.. registered.Select(r => (JsonNode)r)]);
        }

        return job;
    }
}
