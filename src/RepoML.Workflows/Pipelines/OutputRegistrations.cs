namespace RepoML.Workflows.Pipelines;

/// <summary>
/// Registers the outputs a run's jobs named (<c>outputs: {x: {name: N, version: V}}</c>) once the run has completed, as Azure ML
/// does: each through <c>repoml register --from-run</c>'s path (stored content, lineage to the run, a commit on the registry
/// branch), from a data or model spec written into the run folder. A registration that fails fails the run.
/// </summary>
public static class OutputRegistrations
{
    public static async Task<RunRecord> RegisterAsync(WorkflowContext context, PipelinePlan plan, RunRecord record, string? store,
        CancellationToken cancellation)
    {
        var wanted = plan.Jobs.SelectMany(j => j.Outputs.Where(o => o.Registration is not null).Select(o => (Job: j.Name, Output: o))).ToList();
        if (wanted.Count == 0 || record.Status != RunRecord.Completed)
        {
            return record;
        }

        var runs = new RunsFolder(context.WorkspaceRoot);
        var registered = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var failed = false;
        foreach (var (job, output) in wanted)
        {
            var registration = output.Registration!;
            var kind = registration.IsModel ? "model" : "data";
            string line;
            try
            {
                var spec = WriteSpec(runs, record.RunId, job, output.Name, registration);
                var result = await Registrar.RegisterAsync(context, new RegistrationRequest(Path.GetRelativePath(context.WorkspaceRoot, spec)
                    .Replace('\\', '/'), record.RunId, job, output.Name, [], store, null, null, [], [], false), cancellation);
                var outcome = result.Plan.Outcome switch
                {
                    RegistrationOutcome.NewVersion => result.Pending ? "pending merge" : "new version",
                    RegistrationOutcome.AlreadyRegistered => "already registered",
                    _ => "already pending",
                };
                line = $"{kind} {registration.AssetName}:{result.Plan.Version} ({outcome}, from output '{output.Name}' of job '{job}')";
            }
            catch (Exception ex) when (ex is WorkflowException or RegistryException or IOException)
            {
                failed = true;
                line = $"error: {kind} {registration.AssetName} (output '{output.Name}') was not registered: {ex.Message}";
            }

            (registered.TryGetValue(job, out var lines) ? lines : registered[job] = []).Add(line);
        }

        var updated = record with
        {
            Status = failed ? RunRecord.Failed : record.Status,
            Jobs = [.. record.Jobs.Select(j => registered.TryGetValue(j.Name, out var lines) ? j with { Registered = lines } : j)],
        };
        runs.Save(updated);
        return updated;
    }

    private static string WriteSpec(RunsFolder runs, string runId, string job, string output, OutputRegistration registration)
    {
        var kind = registration.IsModel ? "model" : "data";
        var folder = Path.Combine(runs.RunFolder(runId), "registered");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{job}.{output}.yml");
        var text = new StringBuilder()
            .Append("$schema: https://azuremlschemas.azureedge.net/latest/").Append(kind).Append(".schema.json\n")
            .Append("name: ").Append(Quoted(registration.AssetName)).Append('\n')
            .Append(registration.Version is { } version ? $"version: {version}\n" : "")
            .Append("type: ").Append(Quoted(registration.OutputType)).Append('\n')
            .Append("path: ").Append(Quoted($"../jobs/{job}/outputs/{output}")).Append('\n')
            .Append("description: ").Append(Quoted($"Output '{output}' of job '{job}' in run {runId}")).Append('\n');
        AtomicText.Write(path, text.ToString());
        return path;
    }

    /// <summary>A YAML double-quoted scalar, so a name from the job file cannot add keys to the spec.</summary>
    private static string Quoted(string value) => JsonSerializer.Serialize(value);
}
