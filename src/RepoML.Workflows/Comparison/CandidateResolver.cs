namespace RepoML.Workflows.Comparison;

/// <summary>Finds the candidate: <c>latest</c> (the newest completed run with a model), a run id, or a model folder / .onnx path.</summary>
public static class CandidateResolver
{
    public const string Latest = "latest";

    public static async Task<ResolvedModel> ResolveAsync(WorkflowContext context, RunArtifacts runs, string candidate, CancellationToken cancellation)
    {
        var path = context.FullPath(candidate);
        if (Directory.Exists(path) || File.Exists(path))
        {
            return new ResolvedModel(path, candidate);
        }

        var run = candidate == Latest
            ? runs.LatestWithModel() ?? throw WorkflowException.Usage("--candidate latest: no completed run with a 'model' output in " +
                ".repoml/runs; run the training pipeline first (repoml run pipelines/train.yml)")
            : runs.Find(candidate) ?? throw WorkflowException.Usage($"--candidate '{candidate}' is neither a model folder, an .onnx " +
                $"file nor a run id in .repoml/runs");
        var job = RunArtifacts.ModelJob(run) ?? throw
            WorkflowException.Usage($"run {run.RunId} has no job with a '{RunArtifacts.ModelOutput}' output");
        var folder = await runs.RestoreAsync(run, job.Name, RunArtifacts.ModelOutput, cancellation);
        return new ResolvedModel(folder, $"run {run.RunId}", run.RunId);
    }
}
