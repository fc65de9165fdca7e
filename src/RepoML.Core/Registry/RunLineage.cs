using RepoML.Core.Runs;

namespace RepoML.Core.Registry;

/// <summary>
/// What a version's pipeline run recorded, copied into the registration record so every clone has the lineage
/// (run records themselves live in the ignored <c>.repoml/runs</c>); <see cref="RecordDigest"/> is the full
/// run.json in the artifact store.
/// </summary>
public sealed record RunLineage(
    string RunId,
    string Pipeline,
    string PipelineDigest,
    string? RecordDigest,
    string? Commit,
    string? Branch,
    string Job,
    string Output,
    DateTimeOffset StartedAt,
    IReadOnlyList<JobLineage> Jobs,
    IReadOnlyList<AssetUse> Assets)
{
    /// <summary>Builds the lineage of one output of one job of a run.</summary>
    public static RunLineage From(RunRecord run, string job, string output, string? recordDigest) => new(
        run.RunId, run.Pipeline, run.PipelineDigest, recordDigest, run.Git.Commit, run.Git.Branch, job, output, run.StartedAt,
        run.Jobs.Select(j => new JobLineage(j.Name, j.Status, j.Cached, j.Environment, j.EnvironmentDigest, j.CodeDigest, j.Inputs,
            j.Outputs)).ToArray(),
        run.Jobs.SelectMany(j => j.Assets).DistinctBy(a => (a.Kind, a.Name, a.Version, a.Digest)).ToArray());
}
