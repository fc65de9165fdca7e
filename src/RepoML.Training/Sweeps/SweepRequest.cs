using RepoML.Core.Sweeps;

namespace RepoML.Training.Sweeps;

/// <summary>A sweep: the training request (its Parameters are fixed values every trial shares) and how to search.</summary>
/// <param name="Maximize">True to pick the highest primary metric, false for the lowest.</param>
public sealed record SweepRequest(
    TrainingRequest Training,
    IReadOnlyList<SearchDimension> Space,
    SearchAlgorithm Algorithm,
    string PrimaryMetric,
    bool Maximize,
    int? MaxTrials = null,
    double ValidationFraction = 0.2);
