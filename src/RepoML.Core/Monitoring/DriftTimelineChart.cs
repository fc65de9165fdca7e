using RepoML.Core.Reports;

namespace RepoML.Core.Monitoring;

/// <summary>
/// Drift over time: each feature's drift score (<see cref="DriftPoint.Score"/>, 1 at its threshold) across the monitor's
/// windows as lines in inline SVG, with a time axis, a score axis with ticks and grid lines, axis titles, the threshold
/// line and a legend. The features whose score rose highest are drawn; the rest are named in the title.
/// </summary>
public static class DriftTimelineChart
{
    public const int MaxLines = 8;
    private const int Width = 940, Height = 340, Left = 56, Right = 210, Top = 20, Bottom = 56;
    private const double Floor = 0.01; // scores below (p-values near 1, distances near 0) sit on the axis
    private static readonly string[] Palette = ["#1565c0", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#ad1457", "#5d4037"];

    public static string Svg(IReadOnlyList<DriftWindow> windows)
    {
        var features = windows.SelectMany(w => w.Features).GroupBy(f => f.Feature, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Peak: g.Select(f => f.Score).Where(s => !double.IsNaN(s)).DefaultIfEmpty(0).Max()))
            .OrderByDescending(f => f.Peak).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
        var drawn = features.Take(MaxLines).Select(f => f.Name).ToList();

        // A log axis: strong drift (p = 1e-200 scores 150) and a stable feature (0.05) both stay readable.
        var peak = features.Select(f => f.Peak).DefaultIfEmpty(1).Max();
        var (low, high) = (Math.Log10(Floor), Math.Max(1, Math.Ceiling(Math.Log10(Math.Max(peak, 10)))));
        var ticks = Enumerable.Range((int)low, (int)(high - low) + 1).Select(e => (double)e).ToList();
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom, pad = plotW * 0.04;
        var (first, last) = (windows[0].To, windows[^1].To);
        var span = (last - first).TotalSeconds;
        double X(DateTimeOffset t) => span <= 0 ? Left + (plotW / 2) : Left + pad + ((t - first).TotalSeconds / span * (plotW - (2 * pad)));
        double Y(double score) => Top + plotH - ((Math.Log10(Math.Clamp(score, Floor, Math.Pow(10, high))) - low) / (high - low) * plotH);

        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" ")
            .Append("role=\"img\" font-family=\"system-ui, sans-serif\"><title>Drift score per feature across ")
            .Append(CultureInfo.InvariantCulture, $"{windows.Count} monitoring window(s)</title>");
        svg.Append("<g class=\"axis y\">");
        foreach (var t in ticks.Select(e => Math.Pow(10, e)))
        {
            svg.Append(SvgAxes.Line(Left, Y(t), Left + plotW, Y(t), "#e5e7eb", "grid"))
                .Append(SvgAxes.Line(Left - 4, Y(t), Left, Y(t), "#374151"))
                .Append(SvgAxes.Text(Left - 6, Y(t) + 4, t.ToString("0.##", CultureInfo.InvariantCulture), "end", "tick"));
        }

        var middle = Top + (plotH / 2);
        svg.Append(SvgAxes.Line(Left, Top, Left, Top + plotH, "#374151"))
            .Append(SvgAxes.Text(14, middle, "drift score (log scale, 1 = threshold)", "middle", "axis-title", $"rotate(-90 14 {SvgAxes.N(middle)})"))
            .Append("</g>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"threshold\" x1=\"{Left}\" y1=\"{SvgAxes.N(Y(1))}\" x2=\"{SvgAxes.N(Left + plotW)}\" ")
            .Append(CultureInfo.InvariantCulture, $"y2=\"{SvgAxes.N(Y(1))}\" stroke=\"#b91c1c\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>")
            .Append(SvgAxes.Text(Left + plotW - 4, Y(1) - 5, "drift threshold", "end", "threshold-label"));
        XAxis(svg, windows, X, Top + plotH, plotW);

        for (var i = 0; i < drawn.Count; i++)
        {
            var color = Palette[i % Palette.Length];
            var points = windows.Select(w => (w.To, Point: w.Features.FirstOrDefault(f => f.Feature == drawn[i])))
                .Where(p => p.Point is not null && !double.IsNaN(p.Point.Score)).ToList();
            svg.Append("<g class=\"series\">");
            if (points.Count > 1)
            {
                svg.Append("<polyline fill=\"none\" stroke=\"").Append(color).Append("\" stroke-width=\"2\" points=\"")
                    .AppendJoin(' ', points.Select(p => $"{SvgAxes.N(X(p.To))},{SvgAxes.N(Y(p.Point!.Score))}")).Append("\"/>");
            }

            foreach (var (to, point) in points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{SvgAxes.N(X(to))}\" cy=\"{SvgAxes.N(Y(point!.Score))}\" r=\"{(point.Drifted ? 4.5 : 3.5)}\" ")
                    .Append(CultureInfo.InvariantCulture, $"fill=\"{(point.Drifted ? color : "#ffffff")}\" stroke=\"{color}\" stroke-width=\"1.5\"><title>")
                    .Append(WebUtility.HtmlEncode(string.Create(CultureInfo.InvariantCulture,
                        $"{point.Feature} at {to:u}: {point.Test} = {point.Value:G4} (threshold {point.Threshold:G4}){(point.Drifted ? ", drifted" : "")}")))
                    .Append("</title></circle>");
            }

            svg.Append("</g>");
        }

        Legend(svg, drawn, features.Count);
        return svg.Append("</svg>").ToString();
    }

    private static void XAxis(StringBuilder svg, IReadOnlyList<DriftWindow> windows, Func<DateTimeOffset, double> x, double y, double plotW)
    {
        svg.Append("<g class=\"axis x\">").Append(SvgAxes.Line(Left, y, Left + plotW, y, "#374151"));
        var ends = windows.Select(w => w.To).Distinct().ToList();
        var every = (int)Math.Ceiling(ends.Count / 6.0);
        var sameDay = ends[0].UtcDateTime.Date == ends[^1].UtcDateTime.Date;
        for (var i = 0; i < ends.Count; i += every)
        {
            var at = x(ends[i]);
            svg.Append(SvgAxes.Line(at, y, at, y + 4, "#374151")).Append(SvgAxes.Text(at, y + 16, ends[i].UtcDateTime.ToString(
                sameDay ? "HH:mm" : "MM-dd HH:mm", CultureInfo.InvariantCulture), "middle", "tick"));
        }

        var title = sameDay ? $"window end (UTC, {ends[0].UtcDateTime:yyyy-MM-dd})" : "window end (UTC)";
        svg.Append(SvgAxes.Text(Left + (plotW / 2), Height - 8, title, "middle", "axis-title")).Append("</g>");
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<string> drawn, int total)
    {
        const int x = Width - Right + 16;
        svg.Append("<g class=\"legend\">");
        for (var i = 0; i < drawn.Count; i++)
        {
            var y = Top + 8 + (i * 20);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y - 9}\" width=\"14\" height=\"4\" fill=\"{Palette[i % Palette.Length]}\"/>")
                .Append(SvgAxes.Text(x + 20, y - 3, drawn[i].Length <= 26 ? drawn[i] : drawn[i][..25] + "…", "start"));
        }

        if (total > drawn.Count)
        {
            svg.Append(SvgAxes.Text(x, Top + 8 + (drawn.Count * 20), $"+{total - drawn.Count} steadier features", "start", "tick"));
        }

        svg.Append("</g>");
    }
}
