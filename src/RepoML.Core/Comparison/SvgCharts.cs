namespace RepoML.Core.Comparison;

/// <summary>Inline SVG charts for the HTML report: no scripts, no external files, fixed sizes, deterministic text.</summary>
public static class SvgCharts
{
    private const string CandidateColor = "#2563eb";
    private const string BaselineColor = "#6b7280";

    /// <summary>One row per metric: the delta as a dot, its 95 % interval as a whisker, each row scaled to its own range around 0.</summary>
    public static string Deltas(IReadOnlyList<MetricComparison> metrics)
    {
        var rows = metrics.Where(m => m.Delta is { } d && !double.IsNaN(d)).ToList();
        const int width = 720, rowHeight = 30, left = 110, right = 210;
        var height = (rows.Count * rowHeight) + 20;
        var svg = Open(width, height, "Metric deltas (candidate − baseline) with 95 % intervals");
        var plot = width - left - right;
        var zero = left + (plot / 2.0);
        svg.Append(Line(zero, 5, zero, height - 5, "#9ca3af", dashed: true));
        for (var r = 0; r < rows.Count; r++)
        {
            var m = rows[r];
            var y = 20 + (r * rowHeight);
            var (lo, hi) = m.Ci95 is { } ci ? (ci.Low, ci.High) : (m.Delta!.Value, m.Delta.Value);
            var extent = new[] { Math.Abs(lo), Math.Abs(hi), Math.Abs(m.Delta!.Value) }.Max();
            extent = extent == 0 ? 1 : extent * 1.1;
            double X(double v) => zero + (v / extent * plot / 2);
            var color = m.Direction switch { 1 => "#16a34a", -1 => "#dc2626", _ => "#6b7280" };
            svg.Append(Text(left - 8, y + 4, m.Name, "end"));
            svg.Append(Line(X(lo), y, X(hi), y, color));
            svg.Append(Line(X(lo), y - 6, X(lo), y + 6, color));
            svg.Append(Line(X(hi), y - 6, X(hi), y + 6, color));
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(X(m.Delta.Value))}\" cy=\"{y}\" r=\"5\" fill=\"{color}\"/>");
            svg.Append(Text(width - right + 8, y + 4, $"{ReportFormat.Signed(m.Delta)} {ReportFormat.Interval(m.Ci95)}", "start"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Curves in the unit square (ROC, precision–recall), candidate solid, baseline dashed.</summary>
    public static string UnitCurves(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series, bool diagonal) =>
        Plot(title, xLabel, yLabel, series, (0, 1, 0, 1), diagonal, scatter: false);

    /// <summary>A scatter with bounds from the data (regression residuals against predictions), a line at y = 0.</summary>
    public static string Scatter(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series)
    {
        var points = series.SelectMany(s => s.Points).ToList();
        if (points.Count == 0)
        {
            return "";
        }

        var (x0, x1) = (points.Min(p => p.X), points.Max(p => p.X));
        var yMax = Math.Max(points.Max(p => Math.Abs(p.Y)), 1e-12);
        return Plot(title, xLabel, yLabel, series, (x0, x1 == x0 ? x0 + 1 : x1, -yMax, yMax), diagonal: false, scatter: true);
    }

    private static string Plot(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series, (double X0, double X1, double Y0,
        double Y1) box, bool diagonal, bool scatter)
    {
        const int size = 320, pad = 54;
        var svg = Open(size + pad + 10, size + pad + 30, title);
        double X(double v) => pad + ((v - box.X0) / (box.X1 - box.X0) * size);
        double Y(double v) => 20 + size - ((v - box.Y0) / (box.Y1 - box.Y0) * size);
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{pad}\" y=\"20\" width=\"{size}\" height=\"{size}\" fill=\"none\" stroke=\"#d1d5db\"/>");
        svg.Append(Text(pad + (size / 2), 14, title, "middle", bold: true));
        svg.Append(Reports.SvgAxes.Text(pad + (size / 2), size + 55, xLabel, "middle", "axis-title"));
        svg.Append(Reports.SvgAxes.Text(12, 20 + (size / 2), yLabel, "middle", "axis-title", $"rotate(-90 12 {20 + (size / 2)})"));
        Ticks(svg, box, X, Y, size, pad);
        if (diagonal)
        {
            svg.Append(Line(X(0), Y(0), X(1), Y(1), "#d1d5db", dashed: true));
        }

        if (scatter)
        {
            svg.Append(Line(X(box.X0), Y(0), X(box.X1), Y(0), "#9ca3af", dashed: true));
        }

        for (var s = series.Count - 1; s >= 0; s--)
        {
            var color = s == 0 ? CandidateColor : BaselineColor;
            if (scatter)
            {
                foreach (var p in series[s].Points)
                {
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<circle cx=\"{N(X(p.X))}\" cy=\"{N(Y(p.Y))}\" r=\"2\" fill=\"{color}\" fill-opacity=\"0.6\"/>");
                }
            }
            else
            {
                var path = string.Join(' ', series[s].Points.Select(p => $"{N(X(p.X))},{N(Y(p.Y))}"));
                svg.Append(CultureInfo.InvariantCulture,
                    $"<polyline points=\"{path}\" fill=\"none\" stroke=\"{color}\" " +
                    $"stroke-width=\"2\"{(s == 0 ? "" : " stroke-dasharray=\"6 4\"")}/>");
            }

            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{pad + size - 100}\" y=\"{size - 10 - (s * 18)}\" width=\"10\" height=\"10\" fill=\"{color}\"/>");
            svg.Append(Text(pad + size - 84, size - 1 - (s * 18), series[s].Name, "start"));
        }

        return svg.Append("</svg>").ToString();
    }

    // Grid lines and labelled ticks on both axes ("nice" steps inside the box).
    private static void Ticks(StringBuilder svg, (double X0, double X1, double Y0, double Y1) box, Func<double, double> x, Func<double, double> y,
        int size, int pad)
    {
        svg.Append("<g class=\"axis x\">");
        foreach (var t in Reports.SvgAxes.Ticks(box.X0, box.X1).Where(t => t >= box.X0 - 1e-9 && t <= box.X1 + 1e-9))
        {
            svg.Append(Reports.SvgAxes.Line(x(t), 20, x(t), 20 + size, "#f1f5f9", "grid"))
                .Append(Reports.SvgAxes.Line(x(t), 20 + size, x(t), 24 + size, "#374151"))
                .Append(Reports.SvgAxes.Text(x(t), size + 36, Reports.SvgAxes.Label(t), "middle", "tick"));
        }

        svg.Append("</g><g class=\"axis y\">");
        foreach (var t in Reports.SvgAxes.Ticks(box.Y0, box.Y1).Where(t => t >= box.Y0 - 1e-9 && t <= box.Y1 + 1e-9))
        {
            svg.Append(Reports.SvgAxes.Line(pad, y(t), pad + size, y(t), "#f1f5f9", "grid"))
                .Append(Reports.SvgAxes.Line(pad - 4, y(t), pad, y(t), "#374151"))
                .Append(Reports.SvgAxes.Text(pad - 6, y(t) + 4, Reports.SvgAxes.Label(t), "end", "tick"));
        }

        svg.Append("</g>");
    }

    private static StringBuilder Open(int width, int height, string title) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" " +
            $"viewBox=\"0 0 {width} {height}\" role=\"img\" font-family=\"system-ui, sans-serif\">")
        .Append("<title>").Append(Escape(title)).Append("</title>");

    private static string Line(double x1, double y1, double x2, double y2, string color, bool dashed = false) =>
        $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{color}\" " +
            $"stroke-width=\"2\"{(dashed ? " stroke-dasharray=\"4 4\"" : "")}/>";

    private static string Text(double x, double y, string text, string anchor, bool bold = false) =>
        $"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"12\" text-anchor=\"{anchor}\"{(bold ? " font-weight=\"600\"" : "")}>{Escape(text)}</text>";

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
