namespace RepoML.Core.Comparison;

/// <summary>
/// A self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched): the verdict, metrics and gates tables,
/// the metric-delta chart with intervals (words, not emoji, for status: a browser may lack an emoji font), ROC and precision–recall curves
/// (binary) or residuals (regression), and the details.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:980px;color:#111827;padding:0 16px}
        h1{font-size:22px}h2{font-size:17px;margin-top:28px}
        .verdict{padding:10px 14px;border-radius:6px;font-weight:600}
        .pass{background:#dcfce7}.fail{background:#fee2e2}.no-baseline{background:#e0f2fe}
        table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #e5e7eb;padding:4px 10px;font-size:14px}
        th{background:#f9fafb;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
        .better,td.pass{color:#15803d}.worse,td.fail{color:#b91c1c}td.skipped{color:#6b7280}.charts{display:flex;flex-wrap:wrap;gap:16px}
        .meta{color:#4b5563;font-size:14px}tr.changed td{background:#fef9c3}h3{font-size:15px;margin:4px 0}
        .n{text-align:right;font-variant-numeric:tabular-nums}
        """;

    public static string Render(ComparisonReport report)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">").AppendLine(Reports.HtmlPolicy.NoScripts);
        html.AppendLine($"<title>RepoML comparison: {E(report.Model)}</title>");
        html.AppendLine("<style>").Append(Style).AppendLine("</style></head><body>");
        html.AppendLine($"<h1>Model comparison: {E(report.Model)}</h1>");
        html.AppendLine($"<p class=\"verdict " +
            $"{E(report.Verdict)}\">" +
                $"{E(ReportFormat.Headline(report)[(ReportFormat.Headline(report).IndexOf(' ', StringComparison.Ordinal) + 1)..])}</p>");
        html.AppendLine($"<p class=\"meta\">Candidate " +
            $"<code>{E(report.Candidate.Source)}</code>" +
                $"{(report.Baseline is { } b ? $" vs baseline <code>{E(b.Source)}</code>" : " (no baseline)")} · {report.Rows:N0} rows " +
                $"of <code>{E(report.Data)}</code> · {ReportFormat.Task(report.Task)} · primary metric <b>{E(report.PrimaryMetric)}</b>" +
                $"{(report.Resamples > 0 ? $" · paired bootstrap, {report.Resamples:N0} resamples, seed {report.Seed}" : "")}</p>");

        html.AppendLine("<h2>Metrics</h2><table><tr><th>Metric</th><th>Candidate</th><th>Baseline</th><th>Δ</th><th>95 % CI of Δ</th><th></th></tr>");
        foreach (var m in report.Metrics)
        {
            var cls = m.Direction switch { 1 => "better", -1 => "worse", _ => "" };
            var name = m.Name == report.PrimaryMetric ? $"<b>{E(m.Name)}</b>" : E(m.Name);
            html.AppendLine($"<tr><td>{name} {(m.GreaterIsBetter ? "↑" : "↓")}</td><td " +
                $"class=\"n\">{ReportFormat.Value(m.Candidate)}</td><td class=\"n\">{ReportFormat.Value(m.Baseline)}</td><td class=\"n " +
                $"{cls}\">{ReportFormat.Signed(m.Delta)}</td><td class=\"n\">{ReportFormat.Interval(m.Ci95)}</td><td " +
                $"class=\"{cls}\">{ReportFormat.Arrow(m)}</td></tr>");
        }

        html.AppendLine("</table>");
        Gates(html, report);
        Charts(html, report);
        HtmlReportDetails.Append(html, report);
        Details(html, report);
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void Gates(StringBuilder html, ComparisonReport report)
    {
        html.AppendLine("<h2>Gates</h2>");
        if (report.Gates.Count == 0)
        {
            html.AppendLine("<p>The policy sets no gates.</p>");
            return;
        }

        html.AppendLine("<table><tr><th></th><th>Metric</th><th>Rule</th><th>Why</th></tr>");
        foreach (var g in report.Gates)
        {
            var higher = report.Metric(g.Metric)?.GreaterIsBetter ?? Metrics.MetricNames.GreaterIsBetter(g.Metric);
            html.AppendLine($"<tr><td class=\"{ReportFormat.Status(g.Status)}\">{ReportFormat.Status(g.Status)}</td><td>" +
                $"{E(g.Metric)}</td><td><code>{E(g.Rule)}</code> {E(ReportFormat.Rule(g, higher))}</td><td>{E(g.Message)}</td></tr>");
        }

        html.AppendLine("</table>");
    }

    private static void Charts(StringBuilder html, ComparisonReport report)
    {
        html.AppendLine("<h2>Charts</h2><div class=\"charts\">");
        if (report.Baseline is not null)
        {
            html.AppendLine(SvgCharts.Deltas(report.Metrics));
        }

        if (report.Curves.TryGetValue("roc", out var roc))
        {
            html.AppendLine(SvgCharts.UnitCurves("ROC curve", "false positive rate", "true positive rate", roc, diagonal: true));
        }

        if (report.Curves.TryGetValue("pr", out var pr))
        {
            html.AppendLine(SvgCharts.UnitCurves("Precision–recall curve", "recall", "precision", pr, diagonal: false));
        }

        if (report.Curves.TryGetValue("residuals", out var residuals))
        {
            html.AppendLine(SvgCharts.Scatter("Residuals", "prediction", "truth − prediction", residuals));
        }

        html.AppendLine("</div>");
    }

    private static void Details(StringBuilder html, ComparisonReport report)
    {
        if (report.Agreement is { } a)
        {
            html.AppendLine($"<h2>Prediction agreement: {ReportFormat.Percent(a.Rate)} ({a.Disagreeing:N0} rows differ)</h2>");
            if (a.TopRows.Count > 0)
            {
                html.AppendLine("<table><tr><th>Row</th><th>Actual</th><th>Candidate</th><th>Baseline</th><th>Gap</th></tr>");
                foreach (var d in a.TopRows)
                {
                    html.AppendLine($"<tr><td class=\"n\">{d.Row}</td><td>{E(d.Actual)}</td><td>{E(d.Candidate)}</td><td>" +
                        $"{E(d.Baseline)}</td><td class=\"n\">{ReportFormat.Value(d.Gap)}</td></tr>");
                }

                html.AppendLine("</table>");
            }
        }

        if (report.Importance.Count > 0)
        {
            html.AppendLine($"<h2>Feature importance (permutation, drop in {E(report.PrimaryMetric)})</h2>");
            html.AppendLine("<table><tr><th>Feature</th><th>Candidate</th><th>±</th><th>Baseline</th><th>Change</th></tr>");
            foreach (var i in report.Importance)
            {
                html.AppendLine($"<tr><td>{E(i.Feature)}</td><td class=\"n\">{ReportFormat.Value(i.Mean)}</td><td " +
                    $"class=\"n\">{ReportFormat.Value(i.StandardDeviation)}</td><td " +
                    $"class=\"n\">{ReportFormat.Value(i.BaselineMean)}</td><td class=\"n\">{ReportFormat.Signed(i.Change)}</td></tr>");
            }

            html.AppendLine("</table>");
        }

        html.AppendLine("<h2>Latency and size</h2><table><tr><th></th><th>Latency per row</th><th>model.onnx</th></tr>");
        html.AppendLine($"<tr><td>Candidate</td><td " +
            $"class=\"n\">{ReportFormat.Micros(report.Candidate.LatencyMicrosecondsPerRow)}</td><td " +
            $"class=\"n\">{ReportFormat.Bytes(report.Candidate.SizeBytes)}</td></tr>");
        if (report.Baseline is { } b)
        {
            html.AppendLine($"<tr><td>Baseline</td><td class=\"n\">{ReportFormat.Micros(b.LatencyMicrosecondsPerRow)}</td><td " +
                $"class=\"n\">{ReportFormat.Bytes(b.SizeBytes)}</td></tr>");
        }

        html.AppendLine("</table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
