using static RepoML.Cli.Tests.Support.RenderedPage;

namespace RepoML.Cli.Tests.Monitoring;

/// <summary>The monitor's HTML report as a browser shows it (issue 18: it showed Markdown source and axis-less histograms).</summary>
public sealed class MonitorReportBrowserTests
{
    [ChromiumFact]
    public async Task Should_render_every_table_and_charts_with_axes_When_chromium_opens_the_monitor_report()
    {
        // Given the sample credit monitor and a window of shifted traffic, reported as HTML
        using var credit = new CreditMonitor();
        credit.Collect([.. credit.Rows.Take(300).Select(credit.Shift)], credit.Predictions(0, 300), CreditMonitor.Hour.AddMinutes(5));
        var run = await credit.Workspace.RunAsync("monitor", "endpoints/credit", "--from", "2025-03-04T10:00:00Z", "--to", "2025-03-04T11:00:00Z",
            "--report-html", "monitor-report.html", "-o", "json", "--no-events");
        Assert.Equal(5, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var features = json.RootElement.GetProperty("data_drift").GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("feature").GetString()!).ToList();

        // When headless Chromium loads it
        var (dom, screenshot) = await LoadAsync(Path.Combine(credit.Workspace.Root, "monitor-report.html"), height: 2800);

        // Then no Markdown source shows, and the drift, prediction and quality tables are real tables with a row per feature
        var text = dom.Body!.TextContent;
        Assert.DoesNotContain("|---", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        Assert.Empty(dom.QuerySelectorAll("script, link, img, iframe"));
        var tables = dom.QuerySelectorAll("table");
        Assert.True(tables.Length >= 3, $"{tables.Length} tables");
        var driftRows = tables[0].QuerySelectorAll("tbody tr").Select(r => r.Children[0].TextContent).ToList();
        Assert.Equal(features, driftRows);
        Assert.Contains(tables[0].QuerySelectorAll("tbody tr"), r => r.ClassList.Contains("drifted") && r.Children[0].TextContent == "credit_amount");
        Assert.Contains(dom.QuerySelectorAll("h2"), h => h.TextContent == "Data quality");

        // And every feature (and the prediction) has a chart with both axes, ticks, axis titles and a legend
        var charts = dom.QuerySelectorAll("svg[class~=distribution]");
        Assert.Equal(features.Count + 1, charts.Length);
        foreach (var chart in charts)
        {
            var yTicks = Texts(chart, "g[class~=y] text[class~=tick]");
            Assert.True(yTicks.Count >= 3 && yTicks.All(t => t.EndsWith('%')), string.Join(" ", yTicks));
            Assert.Equal("0%", yTicks[0]);
            Assert.NotEmpty(Texts(chart, "g[class~=x] text[class~=tick]"));
            Assert.Contains("share of rows", Texts(chart, "text[class~=axis-title]"));
            Assert.Equal(["baseline", "current"], Texts(chart, "g[class~=legend] text"));
        }

        var checking = charts.Single(c => Texts(c, "g[class~=x] text[class~=axis-title]").Single() == "checking_status");
        Assert.Contains("no checking", Texts(checking, "g[class~=x] text[class~=tick]"));
        var amount = charts.Single(c => Texts(c, "g[class~=x] text[class~=axis-title]").Single()
            .StartsWith("credit_amount (", StringComparison.Ordinal));
        var edges = Texts(amount, "g[class~=x] text[class~=tick]").Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToList();
        Assert.True(edges.Count >= 5 && edges.SequenceEqual(edges.Order()), string.Join(" ", edges));

        // And the browser painted a page (looked at by eye for docs/images/monitor-report.png)
        Assert.True(new FileInfo(screenshot).Length > 20_000);
    }
}
