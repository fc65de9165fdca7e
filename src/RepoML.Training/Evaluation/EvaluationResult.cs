namespace RepoML.Training.Evaluation;

/// <summary>Metrics of one scored dataset and the per-row values they were computed from.</summary>
/// <param name="Classes">Class names in probability-column order (multiclass: may end with classes seen only in the data).</param>
/// <param name="Probabilities">Row-major, <paramref name="ProbabilityWidth"/> per row: P(positive) for binary, one per class for
/// multiclass, none for regression.</param>
/// <param name="Scores">Binary: the raw score; regression: the prediction; multiclass: null.</param>
public sealed record EvaluationResult(
    MlTask Task,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<string> Classes,
    IReadOnlyList<string> Actual,
    IReadOnlyList<string> Predicted,
    double[] Probabilities,
    int ProbabilityWidth,
    double[]? Scores)
{
    public int Rows => Actual.Count;
}
