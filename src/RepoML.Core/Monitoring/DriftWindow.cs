namespace RepoML.Core.Monitoring;

/// <summary>One monitor run's drift figures: its window, the share of drifted features and each feature's (and the prediction's) figure;
/// whether the dataset drifted by the monitor's share threshold (null: not computed) and how many alerts the run raised.</summary>
public sealed record DriftWindow(DateTimeOffset From, DateTimeOffset To, double? Share, IReadOnlyList<DriftPoint> Features, bool? Drifted = null,
    int Alerts = 0)
{
    /// <summary>The figures of a report: every judged feature, then the prediction output; null when data drift was not computed.</summary>
    public static DriftWindow? Of(MonitorReport report)
    {
        if (report.DataDrift is null && report.PredictionDrift is null) { return null; }
        var features = (report.DataDrift?.Features ?? []).Where(f => !double.IsNaN(f.Value)).Select(DriftPoint.From).ToList();
        if (report.PredictionDrift is { } p && !double.IsNaN(p.Value)) { features.Add(DriftPoint.From(p)); }
        return new DriftWindow(report.From, report.To, report.DataDrift?.Share, features, report.DataDrift?.Drifted, report.Alerts.Count);
    }
}
