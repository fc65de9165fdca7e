namespace RepoML.Core.Comparison;

/// <summary>Number and word formats shared by the Markdown and HTML reports (invariant culture, fixed decimals).</summary>
internal static class ReportFormat
{
    public static string Value(double? value) => value is not { } v || double.IsNaN(v) ? "n/a" : (Math.Round(v,
        4) == 0 ? 0 : v).ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Signed(double? value) => value is not { } v || double.IsNaN(v) ? "n/a" : v.ToString("+0.0000;−0.0000;±0.0000",
        CultureInfo.InvariantCulture);

    public static string Percent(double value) => value.ToString("0.0%", CultureInfo.InvariantCulture);

    public static string Interval(ConfidenceInterval? ci) => ci is null ? "n/a" : $"[{Signed(ci.Low)}, {Signed(ci.High)}]";

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1 << 20 => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        >= 1 << 10 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    public static string Micros(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " µs";

    public static string Task(Metrics.MlTask task) => task.ToString().ToLowerInvariant();

    public static string Status(GateStatus status) => status.ToString().ToLowerInvariant();

    public static string Headline(ComparisonReport report) => report.Verdict switch
    {
        ComparisonVerdict.Pass => $"✅ {report.Model}: the candidate passes the gate",
        ComparisonVerdict.Fail => $"❌ {report.Model}: the candidate fails the gate",
        _ => $"🆕 {report.Model}: no baseline yet, the candidate was evaluated alone",
    };

    public static string Arrow(MetricComparison metric) => metric.Direction switch
    {
        1 => "▲ better",
        -1 => "▼ worse",
        _ => metric.Delta is null ? "" : "= same",
    };

    public static string Rule(GateResult gate, bool higherIsBetter) => gate.Rule switch
    {
        PolicyGateEvaluator.Threshold => $"{(higherIsBetter ? "≥" : "≤")} {Value(gate.Limit).TrimEnd('0').TrimEnd('.')}",
        PolicyGateEvaluator.MinAbsoluteChange => $"Δ better by > {gate.Limit.ToString("0.####", CultureInfo.InvariantCulture)}",
        _ => $"Δ better by > {gate.Limit.ToString("0.##%", CultureInfo.InvariantCulture)}",
    };

    public static string Icon(GateStatus status) => status switch
    {
        GateStatus.Pass => "✅",
        GateStatus.Fail => "❌",
        _ => "⏭️",
    };
}
