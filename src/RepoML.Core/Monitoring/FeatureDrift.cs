namespace RepoML.Core.Monitoring;

/// <summary>The drift result for one feature: the test used, its value against the threshold, PSI, and chart data.</summary>
/// <param name="Value">The p-value (KS, chi-square, z) or distance (Wasserstein, Jensen–Shannon, PSI); NaN without a verdict.</param>
/// <param name="Chart">Shares per bin or category in each window, for the report's distribution chart.</param>
public sealed record FeatureDrift(
    string Feature,
    FeatureKind Kind,
    StatTest Test,
    double Value,
    double Threshold,
    DriftStatus Status,
    double Psi,
    long ReferenceRows,
    long CurrentRows,
    BinnedShares? Chart)
{
    public bool Drifted => Status == DriftStatus.Drifted;
}
