namespace RepoML.Workflows.Monitoring;

/// <summary>What <c>repoml monitor</c> was asked.</summary>
/// <param name="Target">The endpoint folder holding monitor.yml, or a monitor file.</param>
/// <param name="From">Start of the current window (ISO 8601; null: <paramref name="To"/> minus the monitor's lookback).</param>
/// <param name="To">End of the current window, exclusive (ISO 8601; null: now).</param>
/// <param name="ReportMarkdown">Where to write the Markdown report (null: not written).</param>
/// <param name="ReportHtml">Where to write the HTML report (null: not written).</param>
/// <param name="MetricsUrl">A Prometheus /metrics URL for the infrastructure section (null: the monitor's).</param>
/// <param name="PublishEvents">Publish alert events.</param>
public sealed record MonitorRequest(
    string Target, string? From, string? To, string? ReportMarkdown, string? ReportHtml, string? MetricsUrl, bool PublishEvents);
