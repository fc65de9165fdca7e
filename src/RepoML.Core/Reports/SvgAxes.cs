namespace RepoML.Core.Reports;

/// <summary>Axis ticks for hand-written SVG charts: "nice" steps (1, 2, 2.5, 5 × 10ⁿ) and compact tick labels.</summary>
public static class SvgAxes
{
    /// <summary>Tick values from 0 (or <paramref name="low"/>) up to at least <paramref name="high"/>, about <paramref name="count"/> of them.</summary>
    public static IReadOnlyList<double> Ticks(double low, double high, int count = 5)
    {
        if (!(high > low) || double.IsInfinity(high - low)) { return [low]; }
        var raw = (high - low) / Math.Max(count - 1, 1);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        var first = (long)Math.Floor(low / step);
        var ticks = new List<double>();
        for (var k = first; ; k++)
        {
            ticks.Add(Math.Round(k * step, 12));
            if (k * step >= high - (step * 1e-9)) { break; }
        }

        return ticks;
    }

    public static string Label(double value, bool percent = false) => percent
        ? value.ToString("0.#%", CultureInfo.InvariantCulture)
        : Math.Abs(value) is >= 1e5 or (< 1e-3 and > 0) ? value.ToString("0.##e0", CultureInfo.InvariantCulture)
        : value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>An SVG number: invariant, at most one decimal.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Text(double x, double y, string text, string anchor, string? css = null, string? transform = null) =>
        $"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"11\" text-anchor=\"{anchor}\"" +
        (css is null ? "" : $" class=\"{css}\"") + (transform is null ? "" : $" transform=\"{transform}\"") +
        $">{WebUtility.HtmlEncode(text)}</text>";

    public static string Line(double x1, double y1, double x2, double y2, string color, string? css = null) =>
        $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{color}\" stroke-width=\"1\"" +
        (css is null ? "" : $" class=\"{css}\"") + "/>";
}
