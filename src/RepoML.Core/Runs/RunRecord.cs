namespace RepoML.Core.Runs;

/// <summary>
/// Lineage of one pipeline run: what ran, on which code, data and environment, by whom, and what it produced.
/// Stored as <c>.repoml/runs/&lt;run_id&gt;/run.json</c> (snake_case JSON, see <see cref="RunRecordJson"/>).
/// </summary>
public sealed record RunRecord(
    string RunId,
    string Pipeline,
    string PipelineDigest,
    string Status,
    GitState Git,
    HostInfo Host,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyList<JobRecord> Jobs)
{
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Canceled = "canceled";
    public const string Running = "running";

    public JobRecord? Job(string name) => Jobs.FirstOrDefault(j => j.Name == name);
}
