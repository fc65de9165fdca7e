namespace RepoML.Training.Sweeps;

/// <summary>The outcome of a sweep: every trial, and the best one's model (trained on the training part of the split).</summary>
public sealed record SweepResult(string PrimaryMetric, string Goal, int TrainRows, int ValidationRows, IReadOnlyList<SweepTrial> Trials,
    int BestTrial, TrainedModel BestModel, MetricsDocument BestMetrics);
