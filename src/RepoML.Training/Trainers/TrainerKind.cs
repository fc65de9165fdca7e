namespace RepoML.Training.Trainers;

/// <summary>The ML.NET trainer family; written in lower case on the command line and in files.</summary>
public enum TrainerKind
{
    /// <summary>FastTree gradient-boosted trees (one-versus-all for multiclass).</summary>
    FastTree,

    /// <summary>LightGBM gradient-boosted trees.</summary>
    LightGbm,

    /// <summary>L-BFGS logistic regression / maximum entropy for classification, SDCA for regression.</summary>
    Linear,
}
