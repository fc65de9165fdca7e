// Monitor: runs `repoml monitor` on an endpoint's collected data (drift, prediction drift, data quality, attribution,
// infrastructure), writes Markdown and HTML reports to artifacts/monitor/, and fails with exit code 5 when an alert fires,
// so a scheduled CI run fails visibly. Then delivers pending lifecycle events (`repoml events flush`).
// Arguments: --endpoint=endpoints/NAME, --metrics-url=<http://…/metrics> (optional), --from/--to (ISO 8601, optional).

var monitorEndpoint = Argument("endpoint", $"endpoints/{WorkspaceEndpoint()}");
var monitorMetricsUrl = Argument("metrics-url", "");
var monitorFrom = Argument("from", "");
var monitorTo = Argument("to", "");

Task("Monitor")
    .Description("Monitors an endpoint's collected data against its baseline; fails on an alert (exit code 5).")
    .IsDependentOn("Build")
    .Does(() =>
{
    EnsureDirectoryExists("artifacts/monitor");
    var args = new List<string>
    {
        "monitor", monitorEndpoint,
        "--report-md", "artifacts/monitor/report.md",
        "--report-html", "artifacts/monitor/report.html",
    };
    if (monitorMetricsUrl.Length > 0) { args.AddRange(new[] { "--metrics-url", monitorMetricsUrl }); }
    if (monitorFrom.Length > 0) { args.AddRange(new[] { "--from", monitorFrom }); }
    if (monitorTo.Length > 0) { args.AddRange(new[] { "--to", monitorTo }); }
    try
    {
        RepoML(args.ToArray());
    }
    finally
    {
        // Alerts were written to the outbox; deliver whatever is pending even when the monitor failed the build.
        RepoML("events", "flush");
    }
});
