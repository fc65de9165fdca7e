namespace RepoML.Workflows.Comparison;

/// <summary>
/// Job outputs of recorded runs, restored from the artifact store into <c>.repoml/compare/&lt;digest&gt;</c>
/// (content-addressed, so a folder restored once is reused).
/// </summary>
public sealed class RunArtifacts(string workspaceRoot, IArtifactStore store)
{
    /// <summary>The output name a training job's model is written to in RepoML pipelines.</summary>
    public const string ModelOutput = "model";

    private readonly RunsFolder runs = new(workspaceRoot);

    public RunRecord? Find(string runId) =>
        runId.Length > 0 && runId.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && !runId.Contains("..",
            StringComparison.Ordinal) ? runs.Find(runId) : null;

    /// <summary>The newest completed run with a job producing a <c>model</c> output.</summary>
    public RunRecord? LatestWithModel() =>
        runs.List().FirstOrDefault(r => r.Status == RunRecord.Completed && ModelJob(r) is not null);

    /// <summary>The first job of the run with a <c>model</c> output.</summary>
    public static JobRecord? ModelJob(RunRecord run) => run.Jobs.FirstOrDefault(j => j.Outputs.ContainsKey(ModelOutput));

    public Task<string> RestoreAsync(RunRecord run, string job, string output, CancellationToken cancellation) =>
        RestoreAsync(run.RunId, run.Jobs.Select(j => (j.Name, j.Outputs)).ToList(), job, output, cancellation);

    /// <summary>
    /// Restores an output of the run a registration recorded (<see cref="RunLineage"/>): the run record itself may be on
    /// another machine, but the lineage names the output's digest in the shared artifact store.
    /// </summary>
    public Task<string> RestoreAsync(RunLineage run, string job, string output, CancellationToken cancellation) =>
        RestoreAsync(run.RunId, run.Jobs.Select(j => (j.Name, j.Outputs)).ToList(), job, output, cancellation);

    private async Task<string> RestoreAsync(string runId, IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Outputs)> jobs,
        string job, string output, CancellationToken cancellation)
    {
        var outputs = jobs.FirstOrDefault(j => j.Name == job).Outputs ?? throw WorkflowException.Usage($"run {runId} has no job '{job}'; " +
            $"jobs: {string.Join(", ", jobs.Select(j => j.Name))}");
        if (!outputs.TryGetValue(output, out var value) || !value.StartsWith("sha256:", StringComparison.Ordinal))
        {
            throw WorkflowException.Usage($"job '{job}' of run {runId} has no stored output '{output}'; outputs: " +
                $"{string.Join(", ", outputs.Keys)}");
        }

        var digest = Digest.Parse(value);
        var folder = Path.Combine(workspaceRoot, ".repoml", "compare", digest.Hex[..16]);
        if (MaterializedCopy.Matches(folder, digest.ToString()))
        {
            return folder;
        }

        try
        {
            // Whatever is there (an edited or replaced copy) is not this digest's content: replace it.
            await store.RestoreFolderAsync(digest, folder, replaceExisting: true, cancellation);
        }
        catch (IOException) when (MaterializedCopy.Matches(folder, digest.ToString()))
        {
            // Another compare restored the same content first: it is identical by digest.
        }

        return folder;
    }
}
