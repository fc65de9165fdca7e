using System.Xml.Linq;
using RepoML.Core.Monitoring;

namespace RepoML.Core.Tests.Monitoring;

public sealed class DriftTimelineChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly DateTimeOffset Start = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Should_draw_a_line_per_feature_with_axes_and_a_legend_When_windows_were_kept()
    {
        // Given three hourly windows of ten features, the first rising past its threshold
        var windows = Enumerable.Range(0, 3).Select(h => new DriftWindow(Start.AddHours(h), Start.AddHours(h + 1), 0.1,
            [.. Enumerable.Range(0, 10).Select(f => new DriftPoint($"f{f}", "psi", f == 0 ? 0.05 * (h + 1) : 0.01 * (10 - f), 0.1, f == 0 && h > 0))]))
            .ToList();

        // When charted
        var svg = XDocument.Parse(DriftTimelineChart.Svg(windows)).Root!;

        // Then the time axis has a tick per window, the score axis has a tick per decade, both have titles, and the legend names the
        // eight highest features (f0 first) and counts the rest
        Assert.Equal(["11:00", "12:00", "13:00"], Texts(Group(svg, "axis x"), "tick"));
        var yTicks = Texts(Group(svg, "axis y"), "tick");
        Assert.Equal(["0.01", "0.1", "1", "10"], yTicks);
        Assert.Equal(["drift score (log scale, 1 = threshold)", "window end (UTC, 2025-03-04)"], Texts(svg, "axis-title"));
        var legend = Group(svg, "legend").Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal(["f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "+2 steadier features"], legend);
        Assert.Equal(DriftTimelineChart.MaxLines, svg.Descendants(Svg + "polyline").Count());
        Assert.Single(svg.Descendants(Svg + "line"), l => (string?)l.Attribute("class") == "threshold");
        Assert.Equal(2, svg.Descendants(Svg + "circle").Count(c => (string?)c.Attribute("fill") != "#ffffff"));
    }

    private static XElement Group(XElement svg, string css) => svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == css);

    private static List<string> Texts(XElement scope, string css) =>
        [.. scope.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == css).Select(t => t.Value)];
}
