using RepoML.Core.Monitoring;
using RepoML.Workflows.Monitoring;

namespace RepoML.Cli.Commands;

/// <summary><c>repoml monitor endpoints/NAME</c>: drift, prediction drift, data quality, attribution and infrastructure over collected
/// data; exit 5 on an alert.</summary>
public static class MonitorCommand
{
    public static Command Create(CliContext context)
    {
        var endpoint = CommonOptions.Endpoint("The endpoint folder (endpoints/NAME) holding monitor.yml, or a monitor file.");
        var from = new Option<string?>("--from") { Description =
            "Start of the current window (ISO 8601; default: --to minus the monitor's lookback)." };
        var to = new Option<string?>("--to") { Description = "End of the current window, exclusive (ISO 8601; default: now)." };
        var md = CommonOptions.ReportMarkdown("Write the Markdown report to this file.");
        var html = CommonOptions.ReportHtml("Write the self-contained HTML report to this file.");
        var metrics = CommonOptions.MetricsUrl("Scrape this Prometheus /metrics URL for the infrastructure section.");
        var noEvents = new Option<bool>("--no-events") { Description = "Do not publish alert events." };
        var output = CommonOptions.Output();
        var command = new Command("monitor", "Compare collected inputs and outputs with the baseline: data drift, prediction drift, " +
            "data quality, attribution drift, infrastructure. Exit code 5 when an alert fires.")
        {
            endpoint, from, to, md, html, metrics, noEvents, output,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var request = new MonitorRequest(parse.GetValue(endpoint)!, parse.GetValue(from), parse.GetValue(to), parse.GetValue(md),
                parse.GetValue(html),
                parse.GetValue(metrics), !parse.GetValue(noEvents));
            var report = await MonitorWorkflow.RunAsync(context, request, cancel);
            if (parse.GetValue(output) == OutputFormat.Json)
            {
                await context.Output.WriteLineAsync(MonitorJson.Write(report).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                await context.Output.WriteAsync(MonitorSummary.Write(report));
                foreach (var file in new[] { request.ReportHtml, request.ReportMarkdown }.OfType<string>())
                {
                    await context.Output.WriteLineAsync($"Report: {context.FullPath(file)}");
                }
            }

            return (int)(report.Alerts.Count > 0 ? ExitCode.AlertFired : ExitCode.Success);
        });
        return command;
    }
}
