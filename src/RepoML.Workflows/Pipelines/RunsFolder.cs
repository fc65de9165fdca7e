namespace RepoML.Workflows.Pipelines;

/// <summary>Run records on disk: <c>.repoml/runs/&lt;run_id&gt;/run.json</c>, plus each job's work folder and logs.</summary>
public sealed class RunsFolder(string workspaceRoot)
{
    public string Root { get; } = Path.Combine(workspaceRoot, ".repoml", "runs");

    public string RunFolder(string runId) => Path.Combine(Root, runId);

    public string JobFolder(string runId, string job) => Path.Combine(Root, runId, "jobs", job);

    public void Save(RunRecord record) => AtomicText.Write(Path.Combine(RunFolder(record.RunId), "run.json"), RunRecordJson.Serialize(record));

    /// <exception cref="WorkflowException">The run's record is not one (edited or damaged); the message names the file.</exception>
    public RunRecord? Find(string runId)
    {
        var path = Path.Combine(RunFolder(runId), "run.json");
        return !File.Exists(path) ? null : TryRead(path) ?? throw WorkflowException.Invalid(
            $"{path} is not a run record (edited or damaged); delete its run folder, or run the pipeline again");
    }

    /// <summary>A run by id, or the newest run for <c>latest</c> (as compare and register accept it); null when there is none.
    /// An id that is not a plain folder name names no run.</summary>
    public RunRecord? Resolve(string idOrLatest) => idOrLatest == "latest" ? List().FirstOrDefault()
        : idOrLatest.Length > 0 && idOrLatest.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && idOrLatest is not ("." or "..")
            ? Find(idOrLatest) : null;

    /// <summary>All runs whose record reads, newest first (a damaged record is left out: <see cref="ReadAll"/> names it).</summary>
    public IReadOnlyList<RunRecord> List() => ReadAll().Runs;

    /// <summary>Every run record, read once: the runs, newest first, and the paths of records that do not read as one (edited, or not
    /// written by RepoML).</summary>
    public (IReadOnlyList<RunRecord> Runs, IReadOnlyList<string> Damaged) ReadAll()
    {
        var records = !Directory.Exists(Root) ? [] : Directory.EnumerateDirectories(Root).Select(d => Path.Combine(d, "run.json"))
            .Where(File.Exists).Order(StringComparer.Ordinal).Select(p => (Path: p, Record: TryRead(p))).ToList();
        return ([.. records.Select(r => r.Record).OfType<RunRecord>().OrderByDescending(r => r.StartedAt)],
            [.. records.Where(r => r.Record is null).Select(r => r.Path)]);
    }

    private static RunRecord? TryRead(string path)
    {
        try
        {
            return RunRecordJson.Deserialize(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A sortable, unique run id: UTC time plus random hex.</summary>
    public static string NewRunId(DateTimeOffset now) => $"{now.UtcDateTime:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
}
