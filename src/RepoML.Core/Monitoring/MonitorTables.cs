using RepoML.Core.Reports;

namespace RepoML.Core.Monitoring;

/// <summary>The monitor report's tables, shared by the Markdown and HTML renderers so both show the same cells.</summary>
public static class MonitorTables
{
    private static readonly string[] DriftHeaders = ["kind", "test", "value", "threshold", "PSI", "rows (baseline / current)", "status"];

    public static ReportTable Drift(string firstHeader, IReadOnlyList<FeatureDrift> features) => new(
        [firstHeader, .. DriftHeaders],
        [.. features.Select(f => (IReadOnlyList<string>)[f.Feature, f.Kind.ToString().ToLowerInvariant(), StatTests.Name(f.Test), F(f.Value, "G4"),
            F(f.Threshold, "G4"), F(f.Psi, "F3"), $"{f.ReferenceRows.ToString("N0", CultureInfo.InvariantCulture)} / " +
            $"{f.CurrentRows.ToString("N0", CultureInfo.InvariantCulture)}", Status(f.Status)])],
        new HashSet<int> { 3, 4, 5, 6 },
        [.. features.Select(f => f.Drifted ? "drifted" : null)]);

    public static ReportTable Quality(IReadOnlyList<FeatureQuality> quality) => new(
        ["feature", "null rate", "type errors", "out of bounds", "unseen", "violations"],
        [.. quality.Select(q => (IReadOnlyList<string>)[q.Feature, F(q.NullValueRate, "P1"), F(q.DataTypeErrorRate, "P1"), F(q.OutOfBoundsRate, "P1"),
            string.Join(", ", q.Unseen), string.Join(", ", q.Violations)])],
        new HashSet<int> { 1, 2, 3 },
        [.. quality.Select(q => q.Violations.Count > 0 ? "drifted" : null)]);

    public static ReportTable Infrastructure(IReadOnlyList<DeploymentHealth> health) => new(
        ["deployment", "requests", "error rate", "latency p95 (ms)", "saturation", "violations"],
        [.. health.Select(h => (IReadOnlyList<string>)[h.Deployment, F(h.Requests, "N0"), F(h.ErrorRate, "P1"), F(h.LatencyP95Ms, "F1"),
            F(h.Saturation, "P0"), string.Join(", ", h.Violations)])],
        new HashSet<int> { 1, 2, 3, 4 },
        [.. health.Select(h => h.Violations.Count > 0 ? "drifted" : null)]);

    public static string Status(DriftStatus status) => status switch
    {
        DriftStatus.Drifted => "drifted",
        DriftStatus.Stable => "stable",
        _ => "not enough data",
    };

    private static string F(double? value, string format) => value is not { } v || double.IsNaN(v) ? "n/a" : v.ToString(format, CultureInfo.InvariantCulture);
}
