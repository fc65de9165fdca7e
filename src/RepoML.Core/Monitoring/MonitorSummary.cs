namespace RepoML.Core.Monitoring;

/// <summary>
/// What <c>repoml monitor</c> prints on a console: a few lines (the window, each alert, a count per signal), not the whole
/// Markdown report, which goes to <c>--report-md</c> / <c>--report-html</c> (issue 18: ~70 lines of Markdown in a build log).
/// </summary>
public static class MonitorSummary
{
    public static string Write(MonitorReport r)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Monitor {r.Spec.Name} on endpoint {r.Endpoint}: {r.CurrentRows:N0} rows from " +
            $"{r.From:u} to {r.To:u} against {r.BaselineName} ({r.BaselineRows:N0} rows)");
        if (r.DataDrift is { } d)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  data drift        {d.DriftedCount} of {d.Judged} features drifted ({d.Share:P0}; " +
                $"alert at {d.DriftShareThreshold:P0})");
        }

        if (r.PredictionDrift is { } p)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  prediction drift  {MonitorTables.Status(p.Status)} ({StatTests.Name(p.Test)} = {p.Value:G4})");
        }

        if (r.DataQuality.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  data quality      {r.DataQuality.Count(q => q.Violations.Count > 0)} of " +
                $"{r.DataQuality.Count} features break a threshold");
        }

        text.AppendLine(r.Alerts.Count == 0 ? "No alert." : $"{r.Alerts.Count} alert(s):");
        foreach (var alert in r.Alerts) { text.AppendLine(CultureInfo.InvariantCulture, $"  {alert.Signal}: {alert.Message}"); }
        foreach (var note in r.Notes) { text.AppendLine(CultureInfo.InvariantCulture, $"note: {note}"); }
        return text.ToString();
    }
}
