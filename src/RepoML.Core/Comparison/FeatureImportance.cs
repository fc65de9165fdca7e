namespace RepoML.Core.Comparison;

/// <summary>
/// Permutation importance of one feature: how much the primary metric worsens when the feature's column is shuffled
/// (mean and population standard deviation over repeats, as scikit-learn's <c>permutation_importance</c>).
/// </summary>
/// <param name="BaselineMean">The baseline model's importance of the same feature; null without a baseline or when it lacks the feature.</param>
public sealed record FeatureImportance(string Feature, double Mean, double StandardDeviation, double? BaselineMean = null)
{
    /// <summary>Candidate minus baseline importance.</summary>
    public double? Change => BaselineMean is { } b ? Mean - b : null;
}
