using System.CommandLine;
using System.Text.Json;
using RepoML.Cli.Commands.Monitoring;
using RepoML.Cli.Infrastructure;
using RepoML.Cli.Output;
using RepoML.Core.Events;
using RepoML.Core.Monitoring;
using RepoML.Core.References;
using RepoML.Core.Specs;
using RepoML.Core.Workspace;

namespace RepoML.Cli.Commands;

/// <summary><c>repoml monitor endpoints/NAME</c>: drift, prediction drift, data quality, attribution and infrastructure over collected data; exit 5 on an alert.</summary>
public static class MonitorCommand
{
    public static Command Create(CliContext context)
    {
        var endpoint = new Argument<string>("endpoint") { Description = "The endpoint folder (endpoints/NAME) holding monitor.yml, or a monitor file." };
        var from = new Option<string?>("--from") { Description = "Start of the current window (ISO 8601; default: --to minus the monitor's lookback)." };
        var to = new Option<string?>("--to") { Description = "End of the current window, exclusive (ISO 8601; default: now)." };
        var md = new Option<string?>("--report-md") { Description = "Write the Markdown report to this file." };
        var html = new Option<string?>("--report-html") { Description = "Write the self-contained HTML report to this file." };
        var metrics = new Option<string?>("--metrics-url") { Description = "Scrape this Prometheus /metrics URL for the infrastructure section." };
        var noEvents = new Option<bool>("--no-events") { Description = "Do not publish alert events." };
        var output = CommonOptions.Output();
        var command = new Command("monitor", "Compare collected inputs and outputs with the baseline: data drift, prediction drift, data quality, attribution drift, infrastructure. Exit code 5 when an alert fires.")
        {
            endpoint, from, to, md, html, metrics, noEvents, output,
        };
        command.SetAction((parse, cancel) => RunAsync(context, parse.GetValue(endpoint)!, parse.GetValue(from), parse.GetValue(to), parse.GetValue(md), parse.GetValue(html), parse.GetValue(metrics), parse.GetValue(noEvents), parse.GetValue(output), cancel));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string target, string? fromText, string? toText, string? mdPath, string? htmlPath, string? metricsUrl, bool noEvents, OutputFormat format, CancellationToken cancel)
    {
        var full = context.FullPath(target);
        var monitorPath = Directory.Exists(full) ? Path.Combine(full, "monitor.yml") : full;
        if (!File.Exists(monitorPath))
        {
            throw new UsageException($"no monitor file at '{Path.GetRelativePath(context.CurrentDirectory, monitorPath)}'");
        }

        var root = WorkspaceRoot.Find(monitorPath);
        var relative = Path.GetRelativePath(root, monitorPath).Replace('\\', '/');
        var (spec, diagnostics) = MonitorReader.Read(relative, await File.ReadAllTextAsync(monitorPath, cancel));
        if (spec is null)
        {
            DiagnosticRenderer.Render(context.Error, OutputFormat.Text, [.. diagnostics.Where(d => d.IsError)], _ => File.ReadAllText(monitorPath), includeInfo: false);
            return (int)ExitCode.Invalid;
        }

        var endpoint = spec.Endpoint ?? Path.GetFileName(Path.GetDirectoryName(monitorPath))!;
        var to = toText is null ? context.Time.GetUtcNow() : MonitorReader.ParseTime(toText) ?? throw new UsageException($"--to '{toText}' is not a date-time");
        var from = fromText is null ? to - spec.Lookback : MonitorReader.ParseTime(fromText) ?? throw new UsageException($"--from '{fromText}' is not a date-time");
        var (baseline, baselineName) = LoadBaseline(root, monitorPath, spec, endpoint);
        var positional = baseline.Columns.Where(c => c != spec.TargetColumn).ToList();
        var inputs = CollectedData.Read(root, endpoint, spec.Deployments, CollectedData.Inputs, from, to, positional);
        var outputs = CollectedData.Read(root, endpoint, spec.Deployments, CollectedData.Outputs, from, to, []);
        var (health, healthError) = await InfrastructureScrape.ReadAsync(root, endpoint, metricsUrl ?? spec.MetricsUrl, spec.Infrastructure, cancel);
        var report = MonitorRunner.Run(spec, endpoint, baselineName, baseline, inputs, outputs, from, to, health, healthError);

        if (mdPath is not null) { await File.WriteAllTextAsync(context.FullPath(mdPath), MonitorMarkdown.Write(report), cancel); }
        if (htmlPath is not null) { await File.WriteAllTextAsync(context.FullPath(htmlPath), MonitorHtml.Write(report), cancel); }
        if (!noEvents && report.Alerts.Count > 0) { await PublishAlertsAsync(context, root, report, cancel); }

        if (format == OutputFormat.Json)
        {
            await context.Output.WriteLineAsync(MonitorJson.Write(report).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            await context.Output.WriteAsync(MonitorMarkdown.Write(report));
        }

        return report.Alerts.Count > 0 ? (int)ExitCode.AlertFired : (int)ExitCode.Success;
    }

    private static (DataTable Table, string Name) LoadBaseline(string root, string monitorPath, MonitorSpec spec, string endpoint)
    {
        if (spec.BaselineData is null)
        {
            var (wFrom, wTo) = spec.BaselineWindow!.Value;
            var table = CollectedData.Read(root, endpoint, spec.Deployments, CollectedData.Inputs, wFrom ?? DateTimeOffset.MinValue, wTo ?? DateTimeOffset.MaxValue, []);
            return (table, $"collected {wFrom:u} → {wTo:u}");
        }

        string path;
        if (AssetReference.TryParse(spec.BaselineData) is { } reference)
        {
            var files = new DiskWorkspaceFiles(root);
            var workspace = WorkspaceLoader.Load(files);
            var asset = workspace.Assets(SpecKind.Data, reference.Name).FirstOrDefault()
                ?? throw new UsageException($"baseline '{spec.BaselineData}': no data asset named '{reference.Name}' in this workspace");
            var assetPath = asset.Root!.GetString("path") ?? throw new UsageException($"{asset.Path}: the data asset has no path");
            path = Path.GetFullPath(Path.Combine(root, Path.GetDirectoryName(asset.Path)!, assetPath));
        }
        else
        {
            path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(monitorPath)!, spec.BaselineData));
        }

        if (Directory.Exists(path))
        {
            path = Directory.EnumerateFiles(path, "*.csv").Order(StringComparer.Ordinal).FirstOrDefault() ?? throw new UsageException($"baseline folder '{path}' holds no CSV file");
        }

        return (DataTable.FromCsv(path, Path.GetRelativePath(root, path)), spec.BaselineData);
    }

    private static async Task PublishAlertsAsync(CliContext context, string root, MonitorReport report, CancellationToken cancel)
    {
        var (publisher, _, settings) = CliEvents.Create(context, root);
        var source = CliEvents.Source(settings, root);
        var now = context.Time.GetUtcNow();
        var target = $"{report.Endpoint}/{string.Join('+', report.Spec.Deployments.DefaultIfEmpty("*"))}";
        if (report.DataDrift is { Drifted: true } drift)
        {
            await publisher.PublishAsync(LifecycleEvents.DatasetDriftDetected(source, now, report.Spec.Name, $"monitor-{now:yyyyMMddTHHmmss}", report.BaselineName, target, drift.Share, report.From, report.To), cancel);
        }

        foreach (var group in report.Alerts.Where(a => a.Signal != "data_drift").GroupBy(a => a.Signal))
        {
            var details = new System.Text.Json.Nodes.JsonObject { ["messages"] = new System.Text.Json.Nodes.JsonArray([.. group.Select(a => (System.Text.Json.Nodes.JsonNode)a.Message)]) };
            await publisher.PublishAsync(LifecycleEvents.MonitorAlert(source, now, report.Spec.Name, report.Endpoint, group.Key, details, report.From, report.To), cancel);
        }
    }
}
