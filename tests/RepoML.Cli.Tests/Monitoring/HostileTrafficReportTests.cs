using AngleSharp.Html.Parser;

namespace RepoML.Cli.Tests.Monitoring;

/// <summary>
/// Category values in collected traffic are whatever clients sent: rendered in the monitor's HTML page (tables, chart ticks) and
/// Markdown report they must stay text, leave the tables whole, and the page must forbid scripts even if an escape were missed.
/// </summary>
public sealed class HostileTrafficReportTests
{
    private static readonly string[] Hostile =
    [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "</style><svg onload=alert(3)>", "a\\|b|c\n| x | y |",
        "[x](javascript:alert(4))", "@octocat <!-- hidden -->", "\u001b[31mred\u202Eevil",
    ];

    [ChromiumFact]
    public async Task Should_show_hostile_category_values_as_text_When_collected_traffic_carries_markup()
    {
        // Given a window of traffic whose checking_status values are hostile strings
        using var credit = new CreditMonitor();
        var workspace = credit.Workspace;
        var status = credit.Columns.ToList().IndexOf("checking_status");
        var hostileRows = credit.Rows.Take(300).Select((r, i) =>
        {
            var row = (string[])r.Clone();
            row[status] = Hostile[i % Hostile.Length];
            return row;
        }).ToList();
        credit.Collect(hostileRows, credit.Predictions(0, 300), CreditMonitor.Hour.AddMinutes(5));

        // When the monitor writes both reports and Chromium loads the page
        var run = await workspace.RunAsync("monitor", "endpoints/credit", "--from", "2025-03-04T10:00:00Z", "--to", "2025-03-04T11:00:00Z",
            "--report-html", "report.html", "--report-md", "report.md", "--no-events");
        Assert.True(run.ExitCode is 0 or 5, run.Error);
        var html = Path.Combine(workspace.Root, "report.html");
        var dom = new HtmlParser().ParseDocument(await ChromiumCommandLine.DumpDomAsync(html));

        // Then no element came from the data, the values are shown as text, and the page admits no script
        Assert.Empty(dom.QuerySelectorAll("script, img, iframe, a, [onerror], [onload]"));
        Assert.Contains(dom.QuerySelectorAll("svg text"), t => t.TextContent.StartsWith("<script>", StringComparison.Ordinal));
        var policy = dom.QuerySelector("meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content");
        Assert.StartsWith("default-src 'none';", policy);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);

        // And the Markdown keeps its tables whole, with no link, tag, mention or escape sequence from the data
        var markdown = await File.ReadAllTextAsync(Path.Combine(workspace.Root, "report.md"));
        MarkdownTables.AssertWhole(markdown);
        Assert.Equal(0, MarkdownTables.Unescaped(markdown, '<'));
        Assert.Equal(0, MarkdownTables.Unescaped(markdown, ']', followedBy: '('));
        Assert.DoesNotContain("@octocat", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', markdown);
    }
}
