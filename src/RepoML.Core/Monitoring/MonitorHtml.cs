using RepoML.Core.Reports;

namespace RepoML.Core.Monitoring;

/// <summary>
/// A self-contained HTML report (no scripts, nothing fetched): alerts, every table rendered as HTML (no Markdown source), and
/// per feature its statistics and a distribution chart with axes, ticks, labels and a legend.
/// </summary>
public static class MonitorHtml
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1000px;color:#111827;padding:0 16px}
        h1{font-size:22px}h2{font-size:17px;margin-top:28px}h3{font-size:15px;margin:4px 0}
        table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #e5e7eb;padding:4px 10px;font-size:14px;text-align:left}
        th{background:#f9fafb}.n{text-align:right;font-variant-numeric:tabular-nums}
        .drifted,.drifted td:last-child{color:#b91c1c;font-weight:600}.alerts{background:#fee2e2;padding:8px 14px 8px 32px;border-radius:6px}
        .ok{background:#dcfce7;padding:10px 14px;border-radius:6px;font-weight:600}.meta,.notes{color:#4b5563;font-size:14px}
        .features{display:flex;flex-wrap:wrap;gap:16px}.feature{border:1px solid #e5e7eb;border-radius:6px;padding:8px}
        .feature p{margin:2px 0 6px;font-size:13px;color:#374151}.tick{fill:#374151}.axis-title{fill:#111827;font-weight:600}
        """;

    public static string Write(MonitorReport r)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">").Append(HtmlPolicy.NoScripts).Append("<title>").Append(E($"Monitor {r.Spec.Name}"))
            .Append("</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>").Append(E($"Monitor {r.Spec.Name} — endpoint {r.Endpoint}")).Append("</h1><p class=\"meta\">").Append(E(string.Create(
            CultureInfo.InvariantCulture, $"Window {r.From:u} → {r.To:u}: {r.CurrentRows:N0} rows against baseline {r.BaselineName} " +
            $"({r.BaselineRows:N0} rows)."))).Append("</p>");
        if (r.Alerts.Count == 0) { html.Append("<p class=\"ok\">No alert.</p>"); }
        else
        {
            html.Append("<ul class=\"alerts\">");
            foreach (var a in r.Alerts) { html.Append("<li class=\"drifted\">").Append(E($"{a.Signal}: {a.Message}")).Append("</li>"); }
            html.Append("</ul>");
        }

        if (r.DataDrift is { } d) { Section(html, DataDriftHeading(d), MonitorTables.Drift("feature", d.Features)); }
        if (r.PredictionDrift is { } p) { Section(html, $"Prediction drift ({r.PredictionOutput ?? p.Feature})", MonitorTables.Drift("output", [p])); }
        if (r.History is { Count: > 0 } history)
        {
            html.Append("<h2>Drift over time</h2><p class=\"meta\">").Append(E($"Each feature's drift score in the last {history.Count.ToString(CultureInfo.InvariantCulture)} window(s) of " +
                "this monitor: the test's value scaled so its threshold is 1 (distance ÷ threshold; for p-values log p ÷ log threshold), " +
                "on a log scale. Filled points drifted; hover a point for its test and value.")).Append("</p>")
                .Append(DriftTimelineChart.Svg(history));
        }

        if (r.DataQuality.Count > 0) { Section(html, "Data quality", MonitorTables.Quality(r.DataQuality)); }
        if (r.Attribution is { } at)
        {
            html.Append("<h2>").Append(E(string.Create(CultureInfo.InvariantCulture,
                $"Feature attribution drift: NDCG {at.Ndcg:F3} (threshold {at.Threshold:F2})"))).Append("</h2>");
        }

        if (r.Infrastructure.Count > 0 || r.InfrastructureError is not null)
        {
            html.Append("<h2>Infrastructure</h2>");
            if (r.InfrastructureError is { } error) { html.Append("<p>").Append(E($"Metrics unavailable: {error}")).Append("</p>"); }
            if (r.Infrastructure.Count > 0) { html.Append(MonitorTables.Infrastructure(r.Infrastructure).ToHtml()); }
        }

        Features(html, r);
        if (r.Notes.Count > 0)
        {
            html.Append("<h2>Notes</h2><ul class=\"notes\">");
            foreach (var note in r.Notes) { html.Append("<li>").Append(E(note)).Append("</li>"); }
            html.Append("</ul>");
        }

        return html.Append("</body></html>").ToString();
    }

    internal static string DataDriftHeading(DatasetDrift d) => string.Create(CultureInfo.InvariantCulture,
        $"Data drift: {(d.Drifted ? "DRIFT" : "no drift")} ({d.DriftedCount}/{d.Judged} features, {d.Share:P0}; threshold {d.DriftShareThreshold:P0})");

    private static void Section(StringBuilder html, string heading, ReportTable table) =>
        html.Append("<h2>").Append(E(heading)).Append("</h2>").Append(table.ToHtml());

    private static void Features(StringBuilder html, MonitorReport r)
    {
        var charted = new List<FeatureDrift>(r.DataDrift?.Features ?? []);
        if (r.PredictionDrift is { } p) { charted.Add(p); }
        if (charted.Count == 0) { return; }
        html.Append("<h2>Distributions per feature</h2><div class=\"features\">");
        foreach (var f in charted)
        {
            html.Append("<section class=\"feature\"><h3").Append(f.Drifted ? " class=\"drifted\"" : "").Append('>').Append(E(f.Feature))
                .Append("</h3><p>").Append(E(string.Create(CultureInfo.InvariantCulture,
                    $"{StatTests.Name(f.Test)} = {f.Value:G4} (threshold {f.Threshold:G4}) · PSI {f.Psi:F3} · {MonitorTables.Status(f.Status)}")))
                .Append("</p>");
            if (f.Chart is { } chart)
            {
                html.Append(DistributionChart.Svg(f.Feature, chart, f.Kind == FeatureKind.Numeric && chart.Labels.Count > 0 &&
                    chart.Labels[0].StartsWith('[')));
            }

            html.Append("</section>");
        }

        html.Append("</div>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
