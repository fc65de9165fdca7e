namespace RepoML.Core.Monitoring;

/// <summary>
/// Data quality of one feature in the current window, as Azure ML names the metrics: null value rate, data type error rate
/// and out-of-bounds rate (numbers outside the baseline's [min, max]; categories the baseline never had).
/// </summary>
/// <param name="Unseen">A few categories the baseline never had (for the report).</param>
/// <param name="Violations">The metrics above their thresholds, by name.</param>
public sealed record FeatureQuality(
    string Feature,
    FeatureKind Kind,
    double NullValueRate,
    double BaselineNullValueRate,
    double DataTypeErrorRate,
    double OutOfBoundsRate,
    double? Minimum,
    double? Maximum,
    IReadOnlyList<string> Unseen,
    IReadOnlyList<string> Violations);
