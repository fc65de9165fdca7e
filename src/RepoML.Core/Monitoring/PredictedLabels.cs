namespace RepoML.Core.Monitoring;

/// <summary>
/// Makes predictions comparable with the baseline's label column. A binary ML.NET model predicts <c>true</c>/<c>false</c>
/// while the label holds its class names (<c>good</c>/<c>bad</c>): training ordered those classes with
/// <see cref="ClassOrder"/> and the last one is the positive (<c>true</c>) class, so predictions map back through the same
/// order. Without the mapping every served prediction is a "new category" and prediction drift always fires.
/// </summary>
public static class PredictedLabels
{
    /// <summary>The predictions as label classes, and a note saying what was mapped (null when nothing was).</summary>
    /// <param name="baselineLabels">The baseline's label column (the training data's classes).</param>
    /// <param name="predicted">The collected predicted labels.</param>
    public static (IReadOnlyList<string?> Predictions, string? Note) AsLabelClasses(IReadOnlyList<string?> baselineLabels,
        IReadOnlyList<string?> predicted)
    {
        var classes = baselineLabels.OfType<string>().Distinct(StringComparer.Ordinal).Order(ClassOrder.Instance).ToList();
        var predictedValues = predicted.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (classes.Count != 2 || classes.All(IsBoolean) || predictedValues.Count == 0 || !predictedValues.All(IsBoolean))
        {
            return (predicted, null);
        }

        var (negative, positive) = (classes[0], classes[1]);
        var mapped = predicted.Select(p => p is null ? null : bool.Parse(p.Trim()) ? positive : negative).ToList();
        return (mapped, $"predicted labels true/false compared as the label's classes {positive}/{negative} (the model's class order)");
    }

    private static bool IsBoolean(string value) => bool.TryParse(value.Trim(), out _);
}
