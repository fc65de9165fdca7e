namespace RepoML.Azure;

/// <summary>
/// An Azure ML CLI v2 job file (command, pipeline or sweep) as the PUT body of a job, the way <c>az ml job create</c>
/// builds it: local data and code uploaded to the default datastore, components created and referenced by ARM id,
/// environments and computes resolved to ARM ids, inputs and outputs in their REST forms, and every output given a
/// known place (<c>repoml/runs/JOB/…</c>) so its files can be brought back when the job completes.
/// </summary>
public sealed class AzureMlJobBodies(AzureMlSession session, string workspaceRoot)
{
    private readonly AzureMlAssets assets = new(session, workspaceRoot);

    public async Task<AzureMlJobPlan> BuildAsync(YamlMapping job, string file, AzureMlJobOptions options, CancellationToken cancellationToken = default)
    {
        if (job.GetString("$schema") is { } schema && !schema.Contains("Job.schema", StringComparison.OrdinalIgnoreCase))
        {
            throw new AzureMlSpecException(job["$schema"], $"this is not a job file (its $schema is {schema})");
        }

        var datastore = await session.DatastoreAsync(cancellationToken).ConfigureAwait(false);
        string OutputUri(string step, string output, string type) =>
            datastore.AzureMlUri($"repoml/runs/{options.Name}/{(step.Length == 0 ? "" : step + "/")}{output}{(type == "uri_file" ? "" : "/")}");

        var type = (job.GetString("type") ?? (job["jobs"] is not null ? "pipeline" : "command")).ToLowerInvariant();
        var properties = AzureMlJobFields.Common(job, options.Experiment);
        var planned = new List<PlannedOutput>();
        var owner = Path.GetFileNameWithoutExtension(file);
        switch (type)
        {
            case "command":
                properties["jobType"] = "Command";
                await CommandAsync(job, file, properties, options, cancellationToken).ConfigureAwait(false);
                properties["outputs"] = AzureMlJobIo.Outputs(job.GetMapping("outputs"), (o, t) => OutputUri("", o, t), owner, planned, fetch: true);
                break;
            case "pipeline":
                properties["jobType"] = "Pipeline";
                properties["inputs"] = await AzureMlJobIo.InputsAsync(job.GetMapping("inputs"), file, assets, cancellationToken).ConfigureAwait(false);
                properties["outputs"] = AzureMlJobIo.Outputs(job.GetMapping("outputs"), (o, t) => OutputUri("", o, t), owner, [], fetch: false);
                var nodes = new AzureMlPipelineNodes(assets, new AzureMlComponents(session, assets), OutputUri);
                properties["jobs"] = await nodes.BuildAsync(job, file, planned, cancellationToken).ConfigureAwait(false);
                properties["settings"] = Settings(job, options);
                break;
            case "sweep":
                properties["jobType"] = "Sweep";
                await SweepAsync(job, file, properties, options, cancellationToken).ConfigureAwait(false);
                properties["outputs"] = AzureMlJobIo.Outputs(job.GetMapping("outputs"), (_, _) => null, owner, planned, fetch: true);
                break;
            default:
                throw new AzureMlSpecException(job["type"], $"job type '{type}' cannot be submitted by RepoML (command, pipeline and sweep jobs can)");
        }

        var id = session.Workspace.Job(options.Name).ToString();
        return new AzureMlJobPlan(options.Name, properties["jobType"]!.GetValue<string>(), id, new JsonObject { ["properties"] = properties }, planned);
    }

    private async Task CommandAsync(YamlMapping job, string file, JsonObject properties, AzureMlJobOptions options, CancellationToken cancellationToken)
    {
        properties["command"] = job.GetString("command") ?? throw new AzureMlSpecException(job, "a command job needs a command");
        await TrialAsync(job, file, properties, cancellationToken).ConfigureAwait(false);
        Compute(job, properties, options);
        properties["inputs"] = await AzureMlJobIo.InputsAsync(job.GetMapping("inputs"), file, assets, cancellationToken).ConfigureAwait(false);
        if (job.GetMapping("limits") is { } limits && AzureMlJobFields.Duration(limits, "timeout") is { } timeout)
        {
            properties["limits"] = new JsonObject { ["jobLimitsType"] = "Command", ["timeout"] = timeout };
        }
    }

    private async Task SweepAsync(YamlMapping job, string file, JsonObject properties, AzureMlJobOptions options, CancellationToken cancellationToken)
    {
        var trial = job.GetMapping("trial") ?? throw new AzureMlSpecException(job, "a sweep job needs a trial");
        var component = new JsonObject { ["command"] = trial.GetString("command") ?? throw new AzureMlSpecException(trial, "the trial needs a command") };
        await TrialAsync(trial, file, component, cancellationToken).ConfigureAwait(false);
        properties["trial"] = component;
        Compute(job, properties, options);
        properties["inputs"] = await AzureMlJobIo.InputsAsync(job.GetMapping("inputs"), file, assets, cancellationToken).ConfigureAwait(false);
        properties["searchSpace"] = AzureMlSweepBodies.SearchSpace(job.GetMapping("search_space") ?? throw Missing(job, "a search_space"));
        properties["samplingAlgorithm"] = AzureMlSweepBodies.Sampling(job["sampling_algorithm"] ?? throw Missing(job, "a sampling_algorithm"));
        properties["objective"] = AzureMlSweepBodies.Objective(job.GetMapping("objective") ?? throw Missing(job, "an objective"));
        properties["limits"] = AzureMlSweepBodies.Limits(job.GetMapping("limits"));
        if (job.GetMapping("early_termination") is { } policy)
        {
            properties["earlyTermination"] = AzureMlSweepBodies.EarlyTermination(policy);
        }
    }

    private static AzureMlSpecException Missing(YamlMapping job, string what) => new(job, $"a sweep job needs {what}");

    /// <summary>What a command job and a sweep trial share: environment, code, variables, resources, distribution.</summary>
    private async Task TrialAsync(YamlMapping job, string file, JsonObject target, CancellationToken cancellationToken)
    {
        var environment = job["environment"] ?? throw new AzureMlSpecException(job, "a command needs an environment");
        target["environmentId"] = await assets.EnvironmentIdAsync(environment, file, cancellationToken).ConfigureAwait(false);
        if (job.GetString("code") is { } code)
        {
            target["codeId"] = await assets.CodeIdAsync(job["code"]!, code, file, cancellationToken).ConfigureAwait(false);
        }

        AzureMlJobFields.Command(job, target);
    }

    private void Compute(YamlMapping job, JsonObject properties, AzureMlJobOptions options)
    {
        if ((options.Compute ?? job.GetString("compute")) is { } compute && assets.ComputeId(compute) is { } id)
        {
            properties["computeId"] = id;
        }
    }

    /// <summary>Pipeline settings as the SDK sends them (snake_case), with default_compute and default_datastore as ARM ids.</summary>
    private JsonObject Settings(YamlMapping job, AzureMlJobOptions options)
    {
        var settings = job.GetMapping("settings") is { } s ? (JsonObject)YamlJson.Convert(s)! : [];
        if ((options.Compute ?? settings["default_compute"]?.GetValue<string>()) is { } compute)
        {
            settings["default_compute"] = assets.ComputeId(compute);
        }

        if (settings["default_datastore"]?.GetValue<string>() is { } store)
        {
            var name = store.StartsWith("azureml:", StringComparison.OrdinalIgnoreCase) ? store["azureml:".Length..] : store;
            settings["default_datastore"] = session.Workspace.Datastore(name);
        }

        settings["_source"] = "YAML.JOB";
        return settings;
    }
}
