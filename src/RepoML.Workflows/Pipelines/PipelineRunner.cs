namespace RepoML.Workflows.Pipelines;

/// <summary>
/// Runs a <see cref="PipelinePlan"/> locally: each job a real process in its own folder, independent jobs in
/// parallel (bounded), a job reused from the cache when its key is unchanged, dependents of a failed job
/// skipped, and the rest stopped unless <c>continue_on_step_failure</c>. Writes the run record at the end.
/// </summary>
/// <remarks>This class schedules; <see cref="JobExecutor"/> runs one job. The job states are this class's alone.</remarks>
public sealed class PipelineRunner(PipelineRunSettings settings)
{
    private readonly Dictionary<string, JobState> states = new(StringComparer.Ordinal);
    private readonly CacheIndex cache = new(Path.Combine(settings.Files.Root, ".repoml", "cache"));
    private readonly RunsFolder runs = new(settings.Files.Root);
    private readonly FileDigests digests = new(Path.Combine(settings.Files.Root, ".repoml", "cache", "file-digests.json"));

    public async Task<RunRecord> RunAsync(PipelinePlan plan, CancellationToken cancellation)
    {
        var started = settings.Time.GetUtcNow();
        var runId = RunsFolder.NewRunId(started);
        var shimFolder = RepoMLShim.Write(Path.Combine(settings.Files.Root, ".repoml", "bin"), settings.ToolAssembly);
        var executor = new JobExecutor(settings, runId, shimFolder, cache, runs, digests, name => states[name].Record);
        foreach (var job in plan.Jobs)
        {
            states[job.Name] = new JobState();
        }

        var canceled = false;
        try
        {
            await ScheduleAsync(plan, executor, cancellation);
        }
        catch (OperationCanceledException)
        {
            canceled = true;
        }

        foreach (var (name, state) in states.Where(s => s.Value.Record is null))
        {
            state.Record = Unrun(plan.Job(name), canceled ? JobRecord.Canceled : JobRecord.Skipped, canceled ? "run canceled" : "not reached");
        }

        digests.Save();
        var jobs = plan.Jobs.Select(j => states[j.Name].Record!).ToList();
        var status = canceled ? RunRecord.Canceled : jobs.Any(j => j.Status != JobRecord.Completed) ? RunRecord.Failed : RunRecord.Completed;
        var record = new RunRecord(
            runId,
            plan.PipelinePath,
            digests.OfFile(settings.Files.Full(plan.PipelinePath)).ToString(),
            status,
            new RepoML.Git.GitContext(settings.Files.Root).State(),
            HostFacts.Host(),
            started,
            settings.Time.GetUtcNow(),
            plan.Inputs.ToDictionary(p => p.Key, p => executor.KeyValue(p.Value, upstream: false), StringComparer.Ordinal),
            jobs);
        runs.Save(record);
        return record;
    }

    private async Task ScheduleAsync(PipelinePlan plan, JobExecutor executor, CancellationToken cancellation)
    {
        var running = new Dictionary<Task<JobRecord>, string>();
        string? stoppedBy = null;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            foreach (var job in plan.Jobs.Where(j => !states[j.Name].Started && j.Upstream.All(u => states[u].Record is not null)))
            {
                var failedUpstream = job.Upstream.FirstOrDefault(u => !states[u].Succeeded);
                if (failedUpstream is not null || stoppedBy is not null)
                {
                    states[job.Name].Started = true;
                    states[job.Name].Record = Unrun(job, JobRecord.Skipped,
                        failedUpstream is not null ? $"upstream job '{failedUpstream}' did not complete" : $"run stopped after '{stoppedBy}' failed");
                    settings.Observer.JobFinished(states[job.Name].Record!);
                    continue;
                }

                if (running.Count >= settings.MaxParallel)
                {
                    break;
                }

                states[job.Name].Started = true;
                running[executor.ExecuteAsync(plan, job, cancellation)] = job.Name;
            }

            if (running.Count == 0)
            {
                return;
            }

            var finished = await Task.WhenAny(running.Keys);
            var name = running[finished];
            running.Remove(finished);
            try
            {
                states[name].Record = await finished;
            }
            catch (OperationCanceledException)
            {
                states[name].Record = Unrun(plan.Job(name), JobRecord.Canceled, "run canceled");
                await Task.WhenAll(running.Keys.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
                throw;
            }

            settings.Observer.JobFinished(states[name].Record!);
            if (states[name].Record!.Status == JobRecord.Failed && !plan.ContinueOnStepFailure)
            {
                stoppedBy ??= name;
            }
        }
    }

    /// <summary>The record of a job that did not run (skipped or canceled).</summary>
    public static JobRecord Unrun(PlannedJob job, string status, string reason) => new(
        job.Name, status, false, job.CommandTemplate, null, 0, "", reason, job.EnvironmentName, null, null,
        new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, double>(), []);
}
