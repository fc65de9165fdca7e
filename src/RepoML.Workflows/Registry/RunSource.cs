namespace RepoML.Workflows.Registry;

/// <summary>Finds the run record and the job output a registration comes from (<c>--from-run ID|latest</c>).</summary>
public static class RunSource
{
    public const string RunsFolder = ".repoml/runs";

    public static (RunRecord Run, JobRecord Job, Digest Output) Find(string root, string runId, string? jobName, string outputName)
    {
        var folder = new Pipelines.RunsFolder(root);
        RunRecord run;
        if (runId == "latest")
        {
            // Run records only (runs/<id>/run.json): a job's own output named run.json is not one.
            run = folder.List().FirstOrDefault(r => r.Status == RunRecord.Completed && r.Jobs.Any(j
                    => (jobName is null || j.Name == jobName) && j.Outputs.ContainsKey(outputName)))
                ?? throw RegistryErrors.Missing($"no completed run in {RunsFolder} has an output '{outputName}'; run the training pipeline first");
        }
        else
        {
            run = folder.Resolve(runId) ?? throw RegistryErrors.Missing($"run '{runId}' has no record at {RunsFolder}/{runId}/run.json");
        }

        var candidates = run.Jobs.Where(j => (jobName is null || j.Name == jobName) && j.Outputs.ContainsKey(outputName)).ToList();
        if (candidates.Count != 1)
        {
            var outputs = string.Join(", ", run.Jobs.SelectMany(j => j.Outputs.Keys.Select(o => $"{j.Name}.{o}")));
            throw WorkflowException.Usage(candidates.Count == 0
                ? $"run {run.RunId} has no {(jobName is null ? "" : $"job '{jobName}' with ")}output '{outputName}' (outputs: " +
                    $"{outputs}); use --job and --job-output"
                : $"several jobs of run {run.RunId} have an output '{outputName}' " +
                    $"({string.Join(", ", candidates.Select(c => c.Name))}); name one with --job");
        }

        var job = candidates[0];
        if (job.Status != JobRecord.Completed)
        {
            throw new RegistryException(RegistryErrors.NotFound, $"job {job.Name} of run {run.RunId} is {job.Status}, not completed");
        }

        return (run, job, Digest.Parse(job.Outputs[outputName]));
    }

    /// <summary>Metrics of the producing job as recorded, and those of the other jobs (e.g. evaluate) as <c>job.metric</c>.</summary>
    public static Dictionary<string, double> Metrics(RunRecord run, JobRecord job)
    {
        var metrics = new Dictionary<string, double>(job.Metrics, StringComparer.Ordinal);
        foreach (var other in run.Jobs.Where(j => j.Name != job.Name))
        {
            foreach (var (name, value) in other.Metrics)
            {
                metrics[$"{other.Name}.{name}"] = value;
            }
        }

        return metrics;
    }
}
