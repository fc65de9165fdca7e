using RepoML.Core.Reports;

namespace RepoML.Core.Monitoring;

/// <summary>The Markdown report (for CI summaries and PR comments); its tables are <see cref="MonitorTables"/>, as in the HTML page.</summary>
public static class MonitorMarkdown
{
    public static string Write(MonitorReport r)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Monitor {MarkdownText.Code(r.Spec.Name)} — endpoint {MarkdownText.Code(r.Endpoint)}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Window {r.From:u} → {r.To:u}: {r.CurrentRows:N0} rows against baseline {MarkdownText.Code(r.BaselineName)} ({r.BaselineRows:N0} rows).");
        md.AppendLine();
        md.AppendLine(r.Alerts.Count == 0 ? "**No alert.**" : $"**{r.Alerts.Count} alert(s):**");
        foreach (var alert in r.Alerts) { md.AppendLine(CultureInfo.InvariantCulture, $"- {MarkdownText.Code(alert.Signal)}: {MarkdownText.Cell(alert.Message)}"); }
        if (r.DataDrift is { } d)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {MonitorHtml.DataDriftHeading(d)}").AppendLine();
            md.Append(MonitorTables.Drift("feature", d.Features).ToMarkdown());
        }

        if (r.PredictionDrift is { } p)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Prediction drift ({MarkdownText.Code(r.PredictionOutput ?? p.Feature)})").AppendLine();
            md.Append(MonitorTables.Drift("output", [p]).ToMarkdown());
        }

        if (r.DataQuality.Count > 0)
        {
            md.AppendLine().AppendLine("## Data quality").AppendLine().Append(MonitorTables.Quality(r.DataQuality).ToMarkdown());
        }

        if (r.Attribution is { } a)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Feature attribution drift: NDCG {a.Ndcg:F3} (threshold {a.Threshold:F2})");
        }

        if (r.Infrastructure.Count > 0 || r.InfrastructureError is not null)
        {
            md.AppendLine().AppendLine("## Infrastructure").AppendLine();
            if (r.InfrastructureError is { } error) { md.AppendLine(CultureInfo.InvariantCulture, $"Metrics unavailable: {MarkdownText.Cell(error)}"); }
            if (r.Infrastructure.Count > 0) { md.Append(MonitorTables.Infrastructure(r.Infrastructure).ToMarkdown()); }
        }

        foreach (var note in r.Notes) { md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"> {MarkdownText.Cell(note)}"); }
        return md.ToString();
    }
}
