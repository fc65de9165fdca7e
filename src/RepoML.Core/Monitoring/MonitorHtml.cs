namespace RepoML.Core.Monitoring;

/// <summary>A self-contained HTML report: no scripts, no external files; per-feature distribution charts as inline SVG.</summary>
public static class MonitorHtml
{
    public static string Write(MonitorReport r)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E($"Monitor {r.Spec.Name}")).Append("</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse}td,th{border:1px " +
                "solid #ccc;padding:.25rem .5rem;text-align:left}")
            .Append(".drifted{color:#b00020;font-weight:bold}.chart{display:inline-block;margin:.5rem;vertical-align:top}.legend " +
                "span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem}")
            .Append("</style></head><body>");
        html.Append("<h1>").Append(E($"Monitor {r.Spec.Name} — endpoint {r.Endpoint}")).Append("</h1>");
        html.Append("<p>").Append(E(string.Create(CultureInfo.InvariantCulture,
            $"Window {r.From:u} → {r.To:u}: {r.CurrentRows:N0} rows against baseline {r.BaselineName} ({r.BaselineRows:N0} rows)."))).Append("</p>");
        html.Append(r.Alerts.Count == 0 ? "<p>No alert.</p>" : "<ul>");
        foreach (var a in r.Alerts) { html.Append("<li class=\"drifted\">").Append(E($"{a.Signal}: {a.Message}")).Append("</li>"); }
        if (r.Alerts.Count > 0) { html.Append("</ul>"); }
        html.Append("<p class=\"legend\"><span style=\"background:#9e9e9e\"></span>baseline<span style=\"background:#1565c0\"></span>current</p>");
        var charted = new List<FeatureDrift>(r.DataDrift?.Features ?? []);
        if (r.PredictionDrift is { } p) { charted.Add(p); }
        foreach (var f in charted)
        {
            html.Append("<div class=\"chart\"><h3").Append(f.Drifted ? " class=\"drifted\"" : "").Append('>').Append(E(f.Feature)).Append("</h3><p>")
                .Append(E(string.Create(CultureInfo.InvariantCulture,
                    $"{StatTests.Name(f.Test)} = {f.Value:G4} (threshold {f.Threshold:G4}), PSI {f.Psi:F3}: {f.Status}"))).Append("</p>");
            if (f.Chart is { } chart) { AppendChart(html, chart); }
            html.Append("</div>");
        }

        html.Append("<h2>Report</h2><div>").Append(E(MonitorMarkdown.Write(r)).Replace("\n", "<br>",
            StringComparison.Ordinal)).Append("</div></body></html>");
        return html.ToString();
    }

    private static void AppendChart(StringBuilder html, BinnedShares chart)
    {
        const int width = 320, height = 140;
        var bins = Math.Min(chart.Labels.Count, 30);
        var max = Math.Max(chart.Reference.Take(bins).DefaultIfEmpty(0).Max(), chart.Current.Take(bins).DefaultIfEmpty(0).Max());
        var slot = (double)width / Math.Max(bins, 1);
        html.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" role=\"img\">");
        for (var i = 0; i < bins; i++)
        {
            Bar(html, i * slot, slot / 2, chart.Reference[i], max, height, "#9e9e9e", chart.Labels[i]);
            Bar(html, (i * slot) + (slot / 2), slot / 2, chart.Current[i], max, height, "#1565c0", chart.Labels[i]);
        }

        html.Append("</svg>");
    }

    private static void Bar(StringBuilder html, double x, double w, double share, double max, int height, string colour, string label)
    {
        var h = max <= 0 ? 0 : share / max * (height - 10);
        html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:F1}\" y=\"{height - h:F1}\" width=\"{Math.Max(w - 1, 1):F1}\" " +
            $"height=\"{h:F1}\" fill=\"{colour}\"><title>{E(label)}: {share:P1}</title></rect>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
