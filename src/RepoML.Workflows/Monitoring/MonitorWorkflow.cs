namespace RepoML.Workflows.Monitoring;

/// <summary>
/// The work of <c>repoml monitor</c>: reads the monitor file, the baseline and the data collected in the window, computes
/// every signal (Core's <see cref="MonitorCalculator"/>), writes the reports asked for and publishes alert events.
/// </summary>
public static class MonitorWorkflow
{
    /// <exception cref="WorkflowException">No monitor file, or one that does not validate; a bad window or baseline.</exception>
    public static async Task<MonitorReport> RunAsync(WorkflowContext context, MonitorRequest request, CancellationToken cancel)
    {
        var full = context.FullPath(request.Target);
        var monitorPath = Directory.Exists(full) ? Path.Combine(full, "monitor.yml") : full;
        if (!File.Exists(monitorPath))
        {
            throw WorkflowException.Usage($"no monitor file at '{Path.GetRelativePath(context.CurrentDirectory, monitorPath)}'");
        }

        var root = WorkspaceRoot.Find(monitorPath);
        var relative = Path.GetRelativePath(root, monitorPath).Replace('\\', '/');
        var (spec, diagnostics) = MonitorReader.Read(relative, await File.ReadAllTextAsync(monitorPath, cancel));
        if (spec is null)
        {
            throw new WorkflowException([.. diagnostics.Where(d => d.IsError)], _ => File.ReadAllText(monitorPath));
        }

        var endpoint = spec.Endpoint ?? Path.GetFileName(Path.GetDirectoryName(monitorPath))!;
        var (fromText, toText) = (request.From, request.To);
        var to = toText is null ? context.Time.GetUtcNow() : MonitorReader.ParseTime(toText)
            ?? throw WorkflowException.Usage($"--to '{toText}' is not a date-time");
        var from = fromText is null ? to - spec.Lookback : MonitorReader.ParseTime(fromText)
            ?? throw WorkflowException.Usage($"--from '{fromText}' is not a date-time");
        // A recorded profile keeps each column's distribution but not its rows, so attribution drift (features joined to the label) reads the CSV.
        var recorded = spec.BaselineData is { } data && AssetReference.TryParse(data) is { } named && !(spec.AttributionDrift && spec.TargetColumn
            is not null) ? Profiles.RecordedProfile.Find(context, root, named) : null;
        var (baseline, baselineName) = recorded is null ? LoadBaseline(root, monitorPath, spec, endpoint)
            : (Core.Profiles.ProfileBaseline.Table(recorded), $"{spec.BaselineData} (recorded profile)");
        var positional = baseline.Columns.Where(c => c != spec.TargetColumn).ToList();
        var inputs = CollectedData.Read(root, endpoint, spec.Deployments, CollectedData.Inputs, from, to, positional);
        var outputs = CollectedData.Read(root, endpoint, spec.Deployments, CollectedData.Outputs, from, to, []);
        var (health, healthError) = await InfrastructureScrape.ReadAsync(root, endpoint, request.MetricsUrl ?? spec.MetricsUrl,
            spec.Infrastructure, cancel);
        var (scored, unscored) = await BaselineScoring.ScoreAsync(context, root, spec, endpoint, baseline, cancel);
        var report = MonitorCalculator.Run(spec, endpoint, baselineName, baseline, inputs, outputs, from, to, health, healthError, scored);
        if (unscored is not null)
        {
            report = report with { Notes = [.. report.Notes, $"the deployed model could not score the baseline: {unscored}"] };
        }

        report = report with { History = DriftHistoryFile.Record(context, root, report) };

        if (request.ReportMarkdown is { } md)
        {
            AtomicText.Write(context.FullPath(md), MonitorMarkdown.Write(report)); // creates the folder; never half a report
        }

        if (request.ReportHtml is { } html)
        {
            AtomicText.Write(context.FullPath(html), MonitorHtml.Write(report));
        }

        if (request.PublishEvents && report.Alerts.Count > 0)
        {
            await PublishAlertsAsync(context, root, report, cancel);
        }

        return report;
    }

    private static (CellTable Table, string Name) LoadBaseline(string root, string monitorPath, MonitorSpec spec, string endpoint)
    {
        if (spec.BaselineData is null)
        {
            var (wFrom, wTo) = spec.BaselineWindow!.Value;
            var table = CollectedData.Read(root, endpoint, spec.Deployments, CollectedData.Inputs, wFrom ?? DateTimeOffset.MinValue,
                wTo ?? DateTimeOffset.MaxValue, []);
            return (table, $"collected {wFrom:u} → {wTo:u}");
        }

        string path;
        if (AssetReference.TryParse(spec.BaselineData) is { } reference)
        {
            var files = new DiskWorkspaceFiles(root);
            var workspace = WorkspaceLoader.Load(files);
            var asset = workspace.Assets(SpecKind.Data, reference.Name).FirstOrDefault()
                ?? throw WorkflowException.Usage($"baseline '{spec.BaselineData}': no data asset named '{reference.Name}' in this workspace");
            var assetPath = asset.Root!.GetString("path") ?? throw WorkflowException.Usage($"{asset.Path}: the data asset has no path");
            path = Path.GetFullPath(Path.Combine(root, Path.GetDirectoryName(asset.Path)!, assetPath));
        }
        else
        {
            path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(monitorPath)!, spec.BaselineData));
        }

        if (Directory.Exists(path))
        {
            path = Directory.EnumerateFiles(path, "*.csv").Order(StringComparer.Ordinal).FirstOrDefault()
                ?? throw WorkflowException.Usage($"baseline folder '{path}' holds no CSV file");
        }

        return (CollectedData.FromCsv(path, Path.GetRelativePath(root, path)), spec.BaselineData);
    }

    private static async Task PublishAlertsAsync(WorkflowContext context, string root, MonitorReport report, CancellationToken cancel)
    {
        var (publisher, _, settings) = WorkspaceEvents.Create(context, root);
        var source = WorkspaceEvents.Source(settings, root);
        var now = context.Time.GetUtcNow();
        var target = $"{report.Endpoint}/{string.Join('+', report.Spec.Deployments.DefaultIfEmpty("*"))}";
        if (report.DataDrift is { Drifted: true } drift)
        {
            await publisher.PublishAsync(LifecycleEvents.DatasetDriftDetected(source, now, report.Spec.Name, $"monitor-{now:yyyyMMddTHHmmss}",
                report.BaselineName, target, drift.Share, report.From, report.To), cancel);
        }

        foreach (var group in report.Alerts.Where(a => a.Signal != "data_drift").GroupBy(a => a.Signal))
        {
            var details = new System.Text.Json.Nodes.JsonObject { ["messages"] = new System.Text.Json.Nodes.JsonArray([.. group.Select(a
                => (System.Text.Json.Nodes.JsonNode)a.Message)]) };
            await publisher.PublishAsync(LifecycleEvents.MonitorAlert(source, now, report.Spec.Name, report.Endpoint, group.Key, details,
                report.From, report.To), cancel);
        }
    }
}
