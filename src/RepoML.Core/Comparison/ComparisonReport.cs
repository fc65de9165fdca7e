namespace RepoML.Core.Comparison;

/// <summary>Everything a comparison found; rendered as Markdown, HTML and JSON. Values only: no paths, no clock.</summary>
/// <param name="Data">What the evaluation rows are, as written in the policy or on the command line.</param>
/// <param name="Baseline">Null when there is no previous version (<see cref="ComparisonVerdict.NoBaseline"/>).</param>
/// <param name="CandidateDetail">Confusion matrix, per-class metrics, calibration and threshold (classification only).</param>
/// <param name="Curves">Chart series by chart: <c>roc</c>, <c>pr</c> (binary), <c>residuals</c> (regression).</param>
public sealed record ComparisonReport(
    string Model,
    MlTask Task,
    string PrimaryMetric,
    string Data,
    int Rows,
    ModelSummary Candidate,
    ModelSummary? Baseline,
    IReadOnlyList<MetricComparison> Metrics,
    IReadOnlyList<GateResult> Gates,
    string Verdict,
    AgreementSummary? Agreement,
    IReadOnlyList<FeatureImportance> Importance,
    IReadOnlyDictionary<string, IReadOnlyList<ChartSeries>> Curves,
    int Resamples,
    int Seed,
    ClassificationDetail? CandidateDetail = null,
    ClassificationDetail? BaselineDetail = null)
{
    /// <summary>The metric named, if it was computed.</summary>
    public MetricComparison? Metric(string name) => Metrics.FirstOrDefault(m => m.Name == name);
}
