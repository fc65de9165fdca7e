namespace RepoML.Core.Monitoring;

/// <summary>The Markdown report (for CI summaries and PR comments).</summary>
public static class MonitorMarkdown
{
    public static string Write(MonitorReport r)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Monitor `{r.Spec.Name}` — endpoint `{r.Endpoint}`");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Window {r.From:u} → {r.To:u}: {r.CurrentRows:N0} rows against baseline `{r.BaselineName}` ({r.BaselineRows:N0} rows).");
        md.AppendLine();
        md.AppendLine(r.Alerts.Count == 0 ? "**No alert.**" : $"**{r.Alerts.Count} alert(s):**");
        foreach (var alert in r.Alerts) { md.AppendLine(CultureInfo.InvariantCulture, $"- `{alert.Signal}`: {alert.Message}"); }
        if (r.DataDrift is { } d)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"## Data drift: {(d.Drifted ? "DRIFT" : "no drift")} ({d.DriftedCount}/{d.Judged} features, {d.Share:P0}; threshold " +
                $"{d.DriftShareThreshold:P0})");
            md.AppendLine();
            md.AppendLine("| feature | kind | test | value | threshold | PSI | status |");
            md.AppendLine("|---|---|---|---:|---:|---:|---|");
            foreach (var f in d.Features) { md.AppendLine(Row(f)); }
        }

        if (r.PredictionDrift is { } p)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## Prediction drift (`{r.PredictionOutput}`)");
            md.AppendLine();
            md.AppendLine("| output | kind | test | value | threshold | PSI | status |");
            md.AppendLine("|---|---|---|---:|---:|---:|---|");
            md.AppendLine(Row(p));
        }

        if (r.DataQuality.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Data quality");
            md.AppendLine();
            md.AppendLine("| feature | null rate | type errors | out of bounds | unseen | violations |");
            md.AppendLine("|---|---:|---:|---:|---|---|");
            foreach (var q in r.DataQuality)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {q.Feature} | {q.NullValueRate:P1} | {q.DataTypeErrorRate:P1} | {q.OutOfBoundsRate:P1} | " +
                    $"{string.Join(", ", q.Unseen)} | {string.Join(", ", q.Violations)} |");
            }
        }

        if (r.Attribution is { } a)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## Feature attribution drift: NDCG {a.Ndcg:F3} (threshold {a.Threshold:F2})");
        }

        if (r.Infrastructure.Count > 0 || r.InfrastructureError is not null)
        {
            md.AppendLine();
            md.AppendLine("## Infrastructure");
            md.AppendLine();
            if (r.InfrastructureError is { } error) { md.AppendLine(CultureInfo.InvariantCulture, $"Metrics unavailable: {error}"); }
            md.AppendLine("| deployment | requests | error rate | latency p95 (ms) | saturation | violations |");
            md.AppendLine("|---|---:|---:|---:|---:|---|");
            foreach (var h in r.Infrastructure)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {h.Deployment} | {h.Requests:N0} | {h.ErrorRate:P1} | {h.LatencyP95Ms:F1} | {h.Saturation:P0} | " +
                    $"{string.Join(", ", h.Violations)} |");
            }
        }

        foreach (var note in r.Notes) { md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"> {note}"); }
        return md.ToString();
    }

    private static string Row(FeatureDrift f) => string.Create(CultureInfo.InvariantCulture,
        $"| {f.Feature} | {f.Kind.ToString().ToLowerInvariant()} | {StatTests.Name(f.Test)} | {f.Value:G4} | {f.Threshold:G4} | " +
            $"{f.Psi:F3} | {Status(f.Status)} |");

    public static string Status(DriftStatus status) => status switch
    {
        DriftStatus.Drifted => "**drifted**",
        DriftStatus.Stable => "stable",
        _ => "not enough data",
    };
}
