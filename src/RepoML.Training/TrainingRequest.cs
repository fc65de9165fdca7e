namespace RepoML.Training;

/// <summary>What to train: task, trainer, column roles (null = inferred) and hyper-parameters (name=value strings).</summary>
public sealed record TrainingRequest(
    MlTask Task,
    TrainerKind Trainer,
    string Label,
    IReadOnlyList<string>? Features = null,
    IReadOnlyList<string>? Categorical = null,
    IReadOnlyList<string>? Parameters = null,
    int Seed = 42);
