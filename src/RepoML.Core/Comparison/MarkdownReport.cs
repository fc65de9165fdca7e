using RepoML.Core.Reports;

namespace RepoML.Core.Comparison;

/// <summary>
/// The pull-request comment: verdict first, the metrics table, the gates, then details folded in <c>&lt;details&gt;</c>
/// (agreement, feature importance, latency and size). GitHub-flavoured Markdown; deterministic for a given report.
/// </summary>
public static class MarkdownReport
{
    public static string Render(ComparisonReport report)
    {
        var md = new StringBuilder();
        md.Append("## ").AppendLine(Cell(ReportFormat.Headline(report))).AppendLine();
        md.Append("**Candidate** ").Append(MarkdownText.Code(report.Candidate.Source));
        md.Append(report.Baseline is { } b ? $" vs **baseline** {MarkdownText.Code(b.Source)}" : " (no baseline)");
        md.Append($" on {report.Rows:N0} rows of {MarkdownText.Code(report.Data)} · {ReportFormat.Task(report.Task)} · primary metric **{Cell(report.PrimaryMetric)}**");
        md.AppendLine(report.Resamples > 0 ? $" · 95 % CI: paired bootstrap, {report.Resamples:N0} resamples, seed {report.Seed}" : "").AppendLine();

        md.AppendLine("| Metric | Candidate | Baseline | Δ | 95 % CI of Δ | |");
        md.AppendLine("|---|---:|---:|---:|:---:|---|");
        foreach (var m in report.Metrics)
        {
            var name = m.Name == report.PrimaryMetric ? $"**{Cell(m.Name)}**" : Cell(m.Name);
            var direction = m.GreaterIsBetter ? "↑" : "↓";
            md.AppendLine($"| {name} {direction} | {ReportFormat.Value(m.Candidate)} | {ReportFormat.Value(m.Baseline)} | " +
                $"{ReportFormat.Signed(m.Delta)} | {ReportFormat.Interval(m.Ci95)} | {ReportFormat.Arrow(m)} |");
        }

        md.AppendLine();
        Gates(md, report);
        Agreement(md, report.Agreement);
        Importance(md, report);
        ModelDetails(md, report);
        Performance(md, report);
        return md.ToString();
    }

    private static void Gates(StringBuilder md, ComparisonReport report)
    {
        if (report.Gates.Count == 0)
        {
            md.AppendLine("_No gates: the policy sets none._").AppendLine();
            return;
        }

        var failed = report.Gates.Count(g => g.Status == GateStatus.Fail);
        md.AppendLine($"### Gates: {report.Gates.Count(g => g.Status == GateStatus.Pass)} passed, {failed} failed, " +
            $"{report.Gates.Count(g => g.Status == GateStatus.Skipped)} skipped").AppendLine();
        md.AppendLine("| | Metric | Rule | Why |");
        md.AppendLine("|---|---|---|---|");
        foreach (var g in report.Gates)
        {
            var higher = report.Metric(g.Metric)?.GreaterIsBetter ?? Metrics.MetricNames.GreaterIsBetter(g.Metric);
            md.AppendLine($"| {ReportFormat.Icon(g.Status)} | {Cell(g.Metric)} | {MarkdownText.Code(g.Rule, inTable: true)} {Cell(ReportFormat.Rule(g, higher))} | {Cell(g.Message)} |");
        }

        md.AppendLine();
    }

    private static void Agreement(StringBuilder md, AgreementSummary? agreement)
    {
        if (agreement is null)
        {
            return;
        }

        md.AppendLine($"<details><summary>Prediction agreement: {ReportFormat.Percent(agreement.Rate)} ({agreement.Disagreeing:N0} rows " +
            $"differ)</summary>").AppendLine();
        if (agreement.TopRows.Count == 0)
        {
            md.AppendLine("The two models predict the same on every row.").AppendLine();
        }
        else
        {
            md.AppendLine("| Row | Actual | Candidate | Baseline | Gap |");
            md.AppendLine("|---:|---|---|---|---:|");
            foreach (var d in agreement.TopRows)
            {
                md.AppendLine($"| {d.Row} | {Cell(d.Actual)} | {Cell(d.Candidate)} | {Cell(d.Baseline)} | {ReportFormat.Value(d.Gap)} |");
            }

            md.AppendLine();
        }

        md.AppendLine("</details>").AppendLine();
    }

    private static void Importance(StringBuilder md, ComparisonReport report)
    {
        if (report.Importance.Count == 0)
        {
            return;
        }

        md.AppendLine($"<details><summary>Feature importance (permutation, drop in {MarkdownText.Html(report.PrimaryMetric)})</summary>").AppendLine();
        md.AppendLine("| Feature | Candidate | ± | Baseline | Change |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var i in report.Importance)
        {
            md.AppendLine($"| {Cell(i.Feature)} | {ReportFormat.Value(i.Mean)} | {ReportFormat.Value(i.StandardDeviation)} | " +
                $"{ReportFormat.Value(i.BaselineMean)} | {ReportFormat.Signed(i.Change)} |");
        }

        md.AppendLine().AppendLine("</details>").AppendLine();
    }

    private static void ModelDetails(StringBuilder md, ComparisonReport report)
    {
        if (report.CandidateDetail is { } candidate)
        {
            md.AppendLine("<details><summary>Per-class metrics and threshold</summary>").AppendLine();
            foreach (var line in new[] { ComparisonTables.Threshold("Candidate", candidate), ComparisonTables.Threshold("Baseline", report.BaselineDetail) })
            {
                if (line is not null) { md.AppendLine(Cell(line)).AppendLine(); }
            }

            md.Append(ComparisonTables.PerClass(candidate, report.BaselineDetail).ToMarkdown()).AppendLine().AppendLine("</details>").AppendLine();
        }

        if (ComparisonTables.Facts(report.Candidate, report.Baseline) is { } facts)
        {
            md.AppendLine("<details><summary>How the models were made</summary>").AppendLine().Append(facts.ToMarkdown()).AppendLine()
                .AppendLine("</details>").AppendLine();
        }
    }

    private static void Performance(StringBuilder md, ComparisonReport report)
    {
        md.AppendLine("<details><summary>Latency and size</summary>").AppendLine();
        md.AppendLine("| | Latency per row | model.onnx |");
        md.AppendLine("|---|---:|---:|");
        md.AppendLine($"| Candidate | {ReportFormat.Micros(report.Candidate.LatencyMicrosecondsPerRow)} | " +
            $"{ReportFormat.Bytes(report.Candidate.SizeBytes)} |");
        if (report.Baseline is { } b)
        {
            md.AppendLine($"| Baseline | {ReportFormat.Micros(b.LatencyMicrosecondsPerRow)} | {ReportFormat.Bytes(b.SizeBytes)} |");
        }

        md.AppendLine().AppendLine("</details>");
    }

    private static string Cell(string text) => MarkdownText.Cell(text);
}
