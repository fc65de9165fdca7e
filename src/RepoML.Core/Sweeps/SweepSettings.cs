namespace RepoML.Core.Sweeps;

/// <summary>What a sweep job asks for: the space and how to sample it, the objective, the limits and the early termination policy.</summary>
/// <param name="MaxConcurrentTrials">Null: as many as the run's parallelism allows.</param>
public sealed record SweepSettings(
    IReadOnlyList<SearchDimension> Space,
    SearchAlgorithm Algorithm,
    int Seed,
    string PrimaryMetric,
    bool Maximize,
    int? MaxTotalTrials,
    int? MaxConcurrentTrials,
    TimeSpan? Timeout,
    TimeSpan? TrialTimeout,
    EarlyTerminationPolicy? EarlyTermination)
{
    /// <summary>The trials' parameter sets, from the seed (the same engine as <c>repoml sweep</c>).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> PlanTrials() => SweepPlanner.Plan(Space, Algorithm, MaxTotalTrials, Seed);

    /// <summary>Whether <paramref name="value"/> beats <paramref name="best"/> (null beats nothing); the first trial wins ties.</summary>
    public bool Better(double value, double? best) => best is not { } b || (Maximize ? value > b : value < b);
}
