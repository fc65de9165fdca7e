using RepoML.Core.Reports;

namespace RepoML.Core.Monitoring;

/// <summary>
/// One feature's baseline and current distributions as grouped bars in inline SVG: a share axis with ticks and grid lines,
/// a category or bin axis with its labels, axis titles and a legend. Deterministic text, no scripts.
/// </summary>
public static class DistributionChart
{
    public const int MaxBars = 30;
    public const string BaselineColor = "#9e9e9e";
    public const string CurrentColor = "#1565c0";
    private const int Width = 460, Height = 300, Left = 52, Right = 12, Top = 30, Bottom = 96;

    public static string Svg(string feature, BinnedShares chart, bool binned)
    {
        var bins = Math.Min(chart.Labels.Count, MaxBars);
        var max = Math.Max(chart.Reference.Take(bins).DefaultIfEmpty(0).Max(), chart.Current.Take(bins).DefaultIfEmpty(0).Max());
        var ticks = SvgAxes.Ticks(0, max > 0 ? max : 1, 5);
        var top = ticks[^1];
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom, slot = plotW / Math.Max(bins, 1);
        double Y(double share) => Top + plotH - (share / top * plotH);
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"distribution\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" ")
            .Append("role=\"img\" font-family=\"system-ui, sans-serif\"><title>").Append(WebUtility.HtmlEncode(feature))
            .Append(": baseline and current shares</title>");
        Legend(svg);
        svg.Append("<g class=\"axis y\">");
        foreach (var t in ticks)
        {
            svg.Append(SvgAxes.Line(Left, Y(t), Width - Right, Y(t), "#e5e7eb", "grid"))
                .Append(SvgAxes.Line(Left - 4, Y(t), Left, Y(t), "#374151"))
                .Append(SvgAxes.Text(Left - 6, Y(t) + 4, SvgAxes.Label(t, percent: true), "end", "tick"));
        }

        svg.Append(SvgAxes.Line(Left, Top, Left, Top + plotH, "#374151"));
        var middle = Top + (plotH / 2);
        svg.Append(SvgAxes.Text(12, middle, "share of rows", "middle", "axis-title", $"rotate(-90 12 {SvgAxes.N(middle)})")).Append("</g>");
        for (var i = 0; i < bins; i++)
        {
            Bar(svg, Left + (i * slot) + 1, (slot / 2) - 1, chart.Reference[i], Y, BaselineColor, $"{chart.Labels[i]}: baseline");
            Bar(svg, Left + (i * slot) + (slot / 2), (slot / 2) - 1, chart.Current[i], Y, CurrentColor, $"{chart.Labels[i]}: current");
        }

        svg.Append("<g class=\"axis x\">").Append(SvgAxes.Line(Left, Top + plotH, Width - Right, Top + plotH, "#374151"));
        var every = (int)Math.Ceiling(bins / 12.0);
        for (var i = 0; i < bins; i += every)
        {
            var x = Left + ((binned ? i : i + 0.5) * slot); // a bin's tick sits on its lower edge, a category's under its bars
            var y = Top + plotH + 12;
            svg.Append(SvgAxes.Line(x, Top + plotH, x, Top + plotH + 4, "#374151"))
                .Append(SvgAxes.Text(x, y, binned ? LowerEdge(chart.Labels[i]) : Short(chart.Labels[i]), "end", "tick",
                    $"rotate(-40 {SvgAxes.N(x)} {SvgAxes.N(y)})"));
        }

        var title = binned ? $"{feature} (bins by lower edge)" : chart.Labels.Count > bins ? $"{feature} (first {bins} of {chart.Labels.Count} values)"
            : feature;
        svg.Append(SvgAxes.Text(Left + (plotW / 2), Height - 6, title, "middle", "axis-title")).Append("</g>");
        return svg.Append("</svg>").ToString();
    }

    private static void Legend(StringBuilder svg)
    {
        svg.Append("<g class=\"legend\">");
        foreach (var (name, color, x) in new[] { ("baseline", BaselineColor, Left), ("current", CurrentColor, Left + 90) })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"8\" width=\"10\" height=\"10\" fill=\"{color}\"/>")
                .Append(SvgAxes.Text(x + 14, 17, name, "start"));
        }

        svg.Append("</g>");
    }

    private static void Bar(StringBuilder svg, double x, double width, double share, Func<double, double> y, string color, string label)
    {
        var top = y(share);
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{SvgAxes.N(x)}\" y=\"{SvgAxes.N(top)}\" width=\"" +
            $"{SvgAxes.N(Math.Max(width, 1))}\" height=\"{SvgAxes.N(y(0) - top)}\" fill=\"{color}\"><title>" +
            $"{WebUtility.HtmlEncode(label)} {share.ToString("P1", CultureInfo.InvariantCulture)}</title></rect>");
    }

    // A numeric bin "[250, 3634)" is labelled by its lower edge, as a histogram's axis would be.
    private static string LowerEdge(string label) => label.StartsWith('[') && label.IndexOf(',', StringComparison.Ordinal) is > 1 and var comma
        ? label[1..comma] : Short(label);

    private static string Short(string label) => label.Length <= 16 ? label : label[..15] + "…";
}
