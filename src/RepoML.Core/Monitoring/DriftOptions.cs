namespace RepoML.Core.Monitoring;

/// <summary>
/// How drift is decided. Defaults follow Evidently: per-feature test chosen by type and reference size (1,000 rows),
/// p &lt; 0.05 or distance ≥ 0.1, Sturges' bins, dataset drift when at least half of the features drift.
/// </summary>
public sealed record DriftOptions
{
    public static DriftOptions Default { get; } = new();

    /// <summary>Share of drifted features at or above which the dataset drifts.</summary>
    public double DriftShare { get; init; } = 0.5;

    /// <summary>Reference rows above which distances replace p-value tests.</summary>
    public int LargeSampleRows { get; init; } = 1000;

    /// <summary>
    /// Bins for PSI and Jensen–Shannon on numeric features; null (the default) is Sturges' rule over both windows' values,
    /// ⌈log₂ n + 1⌉, as Evidently's <c>np.histogram_bin_edges(…, bins="sturges")</c>.
    /// </summary>
    public int? Bins { get; init; }

    /// <summary>
    /// Fewest usable values in each window for a verdict; below it a feature is "not enough data", never drifted.
    /// Evidently has no such guard; a distance on five rows is mostly noise.
    /// </summary>
    public int MinimumRows { get; init; } = 30;

    /// <summary>Threshold per test when a feature sets none (Evidently's defaults when absent).</summary>
    public IReadOnlyDictionary<StatTest, double> Thresholds { get; init; } = new Dictionary<StatTest, double>();

    /// <summary>Per-feature test and threshold overrides.</summary>
    public IReadOnlyDictionary<string, FeatureOverride> Features { get; init; } = new Dictionary<string, FeatureOverride>(StringComparer.Ordinal);

    /// <summary>PSI alert threshold (PSI is always reported; it decides drift only when chosen as a feature's test).</summary>
    public double PsiThreshold => Threshold(StatTest.Psi);

    public double Threshold(StatTest test) => Thresholds.TryGetValue(test, out var value) ? value : StatTests.DefaultThreshold(test);
}
