namespace RepoML.Workflows.Comparison;

/// <summary>What <c>repoml compare</c> compares, and where the report files go (null: not written).</summary>
/// <param name="Model">The model's YAML or its name.</param>
/// <param name="Candidate">A run id, <c>latest</c>, or a model folder / .onnx path.</param>
/// <param name="CandidateRun">The lineage of a registered candidate (promotion): where its run's outputs are stored.</param>
/// <param name="Baseline">A version, @LABEL, a Git ref, a model folder or a run id; null: the latest registered version.</param>
public sealed record CompareRequest(
    string Model,
    string Candidate,
    string? Baseline,
    string? Policy,
    string? Data,
    string? ReportMarkdown,
    string? ReportHtml,
    string? ReportJson,
    string? Store,
    RunLineage? CandidateRun = null);
