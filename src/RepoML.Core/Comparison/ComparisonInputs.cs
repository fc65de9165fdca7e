namespace RepoML.Core.Comparison;

/// <summary>What <see cref="ComparisonBuilder"/> needs: both models' predictions on the same rows and what was measured about them.</summary>
/// <param name="Baseline">Null without a previous version.</param>
/// <param name="CandidateImportance">Permutation importance of the candidate (empty to skip).</param>
/// <param name="BaselineImportance">The baseline's, to show the change (empty to skip).</param>
public sealed record ComparisonInputs(
    string Model,
    string Data,
    ComparePolicy Policy,
    PredictionSet Candidate,
    ModelSummary CandidateSummary,
    PredictionSet? Baseline,
    ModelSummary? BaselineSummary,
    IReadOnlyList<FeatureImportance> CandidateImportance,
    IReadOnlyList<FeatureImportance> BaselineImportance);
