using RepoML.Core.Monitoring;
using static RepoML.Cli.Tests.Support.RenderedPage;

namespace RepoML.Cli.Tests.Monitoring;

/// <summary>Drift over time across monitor runs (issue 18: each report saw one window only).</summary>
public sealed class DriftOverTimeBrowserTests
{
    private static readonly DateTimeOffset Hour = CreditMonitor.Hour;

    [ChromiumFact]
    public async Task Should_keep_each_windows_figures_and_chart_them_with_axes_When_the_monitor_runs_hourly()
    {
        // Given four hours of collected traffic: two like the training data, then two shifted, monitored once an hour
        using var credit = new CreditMonitor();
        for (var h = 0; h < 4; h++)
        {
            credit.Collect([.. credit.Rows.Skip(h * 200).Take(200).Select(r => h < 2 ? r : credit.Shift(r))], credit.Predictions(h * 200, 200),
                Hour.AddHours(h).AddMinutes(5));
            string[] window = ["--from", Hour.AddHours(h).ToString("O", CultureInfo.InvariantCulture), "--to",
                Hour.AddHours(h + 1).ToString("O", CultureInfo.InvariantCulture)];
            var run = await credit.Workspace.RunAsync(["monitor", "endpoints/credit", .. window, "--report-html", "monitor-drift-over-time.html",
                "--no-events"]);
            Assert.True(run.ExitCode is 0 or 5, run.Output + run.Error);
        }

        // When the history is read back and headless Chromium loads the last report
        var (history, problem) = DriftHistory.Read(File.ReadAllText(Path.Combine(credit.Workspace.Root, ".repoml", "monitor", "credit",
            "credit-monitor", "history.json")));
        var (dom, screenshot) = await LoadAsync(Path.Combine(credit.Workspace.Root, "monitor-drift-over-time.html"), height: 1400);

        // Then every window's figures were kept, checked and in order, credit_amount drifting only in the last two
        Assert.Null(problem);
        Assert.Equal(Enumerable.Range(1, 4).Select(h => Hour.AddHours(h)), history.Select(w => w.To));
        Assert.Equal([false, false, true, true], history.Select(w => w.Features.Single(f => f.Feature == "credit_amount").Drifted));

        // And the report draws them over time: a tick per window, both axis titles, the threshold and a legend led by a drifted feature
        Assert.Contains(dom.QuerySelectorAll("h2"), h => h.TextContent == "Drift over time");
        var chart = dom.QuerySelector("svg[class~=timeline]")!;
        Assert.Equal(["11:00", "12:00", "13:00", "14:00"], Texts(chart, "g[class~=x] text[class~=tick]"));
        Assert.True(Texts(chart, "g[class~=y] text[class~=tick]").Count >= 3);
        Assert.Equal(["drift score (log scale, 1 = threshold)", "window end (UTC, 2025-03-04)"], Texts(chart, "text[class~=axis-title]"));
        Assert.Single(chart.QuerySelectorAll("line[class~=threshold]"));
        var legend = Texts(chart, "g[class~=legend] text");
        Assert.Equal(DriftTimelineChart.MaxLines + 1, legend.Count);
        Assert.True(history[^1].Features.Single(f => f.Feature == legend[0]).Drifted, legend[0]);
        Assert.Equal(DriftTimelineChart.MaxLines, chart.QuerySelectorAll("polyline").Length);
        Assert.True(new FileInfo(screenshot).Length > 20_000);
    }
}
