namespace RepoML.Workflows.Pipelines;

/// <summary>Run records on disk: <c>.repoml/runs/&lt;run_id&gt;/run.json</c>, plus each job's work folder and logs.</summary>
public sealed class RunsFolder(string workspaceRoot)
{
    public string Root { get; } = Path.Combine(workspaceRoot, ".repoml", "runs");

    public string RunFolder(string runId) => Path.Combine(Root, runId);

    public string JobFolder(string runId, string job) => Path.Combine(Root, runId, "jobs", job);

    public void Save(RunRecord record) => AtomicText.Write(Path.Combine(RunFolder(record.RunId), "run.json"), RunRecordJson.Serialize(record));

    public RunRecord? Find(string runId)
    {
        var path = Path.Combine(RunFolder(runId), "run.json");
        return File.Exists(path) ? RunRecordJson.Deserialize(File.ReadAllText(path)) : null;
    }

    /// <summary>A run by id, or the newest run for <c>latest</c> (as compare and register accept it); null when there is none.
    /// An id that is not a plain folder name names no run.</summary>
    public RunRecord? Resolve(string idOrLatest) => idOrLatest == "latest" ? List().FirstOrDefault()
        : idOrLatest.Length > 0 && idOrLatest.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && idOrLatest is not ("." or "..")
            ? Find(idOrLatest) : null;

    /// <summary>All runs, newest first.</summary>
    public IReadOnlyList<RunRecord> List() => !Directory.Exists(Root)
        ? []
        : Directory.EnumerateDirectories(Root)
            .Select(d => Path.Combine(d, "run.json"))
            .Where(File.Exists)
            .Select(p => RunRecordJson.Deserialize(File.ReadAllText(p)))
            .OrderByDescending(r => r.StartedAt)
            .ToList();

    /// <summary>A sortable, unique run id: UTC time plus random hex.</summary>
    public static string NewRunId(DateTimeOffset now) => $"{now.UtcDateTime:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
}
