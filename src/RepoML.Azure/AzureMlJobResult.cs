using RepoML.Core.Artifacts;

namespace RepoML.Azure;

/// <summary>
/// How a submitted job ended: its final status (Completed, Failed, Canceled; null when not waited for), when it was
/// submitted and ended, its outputs with their URIs, and the digests of those brought back into the artifact store.
/// </summary>
public sealed record AzureMlJobResult(
    AzureMlJobPlan Plan,
    string? Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<PlannedOutput> Outputs,
    IReadOnlyDictionary<string, Digest> Fetched)
{
    public bool Completed => Status == "Completed";
}
