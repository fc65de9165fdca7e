using RepoML.Core.Reports;

namespace RepoML.Core.Comparison;

/// <summary>The HTML report's classification details and model diff: threshold, confusion matrices, per-class metrics, calibration.</summary>
internal static class HtmlReportDetails
{
    public static void Append(StringBuilder html, ComparisonReport report)
    {
        if (ComparisonTables.Facts(report.Candidate, report.Baseline) is { } facts)
        {
            html.AppendLine("<h2>How the models were made</h2>").AppendLine(facts.ToHtml());
        }

        if (report.CandidateDetail is not { } candidate) { return; }
        var baseline = report.BaselineDetail;
        html.AppendLine("<h2>Decision threshold</h2>");
        foreach (var line in new[] { ComparisonTables.Threshold("Candidate", candidate), ComparisonTables.Threshold("Baseline", baseline) })
        {
            if (line is not null) { html.Append("<p>").Append(WebUtility.HtmlEncode(line)).AppendLine("</p>"); }
        }

        html.AppendLine("<h2>Per-class metrics</h2>").AppendLine(ComparisonTables.PerClass(candidate, baseline).ToHtml());
        html.AppendLine("<h2>Confusion matrices</h2><div class=\"charts\">");
        foreach (var (who, detail) in new[] { ("Candidate", candidate), ("Baseline", baseline) })
        {
            if (detail is null) { continue; }
            html.Append("<div><h3>").Append(who).Append("</h3>").Append(ComparisonTables.Confusion(detail).ToHtml()).AppendLine("</div>");
        }

        html.AppendLine("</div><h2>Calibration</h2><div class=\"charts\">");
        var series = new List<ChartSeries> { new("candidate", [.. candidate.Calibration.Select(b => new ChartPoint(b.MeanPredicted, b.Observed))]) };
        if (baseline is not null) { series.Add(new("baseline", [.. baseline.Calibration.Select(b => new ChartPoint(b.MeanPredicted, b.Observed))])); }
        var what = candidate.Classes.Count == 2 ? $"P({candidate.Classes[1]})" : "P(predicted class)";
        html.AppendLine(SvgCharts.UnitCurves("Calibration (reliability)", $"mean predicted {what}", "observed rate", series, diagonal: true));
        html.AppendLine(ComparisonTables.Calibration(candidate, baseline).ToHtml()).AppendLine("</div>");
    }
}
