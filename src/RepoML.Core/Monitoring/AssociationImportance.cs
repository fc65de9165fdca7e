namespace RepoML.Core.Monitoring;

/// <summary>
/// A cheap, model-free stand-in for feature importance: the mutual information (nats) between each feature (numbers cut
/// into 10 equal-width bins) and a target column — the label in the baseline, the model's prediction in production.
/// Azure ML trains a surrogate model for this; RepoML ranks by association instead (documented in docs/monitoring.md).
/// </summary>
public static class AssociationImportance
{
    private const int NumericBins = 10;

    /// <param name="feature">One value per row (null = missing, skipped).</param>
    /// <param name="numeric">Whether to bin the values as numbers.</param>
    /// <param name="target">The target per row, aligned with <paramref name="feature"/>.</param>
    public static double MutualInformation(IReadOnlyList<string?> feature, bool numeric, IReadOnlyList<string?> target)
    {
        var keys = numeric ? Bin(feature) : feature;
        var joint = new Dictionary<(string, string), int>();
        var left = new Dictionary<string, int>(StringComparer.Ordinal);
        var right = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 0;
        for (var i = 0; i < keys.Count && i < target.Count; i++)
        {
            if (keys[i] is not { } x || target[i] is not { } y) { continue; }
            joint[(x, y)] = joint.GetValueOrDefault((x, y)) + 1;
            left[x] = left.GetValueOrDefault(x) + 1;
            right[y] = right.GetValueOrDefault(y) + 1;
            n++;
        }

        var mi = 0.0;
        foreach (var ((x, y), count) in joint)
        {
            double pxy = (double)count / n, px = (double)left[x] / n, py = (double)right[y] / n;
            mi += pxy * Math.Log(pxy / (px * py));
        }

        return n == 0 ? 0 : mi;
    }

    private static IReadOnlyList<string?> Bin(IReadOnlyList<string?> values)
    {
        var numbers = values.Select(v => double.TryParse(v, System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray();
        var valid = numbers.Where(d => !double.IsNaN(d)).ToArray();
        if (valid.Length == 0) { return new string?[values.Count]; }
        double low = valid.Min(), width = (valid.Max() - low) / NumericBins;
        return [.. numbers.Select(d => double.IsNaN(d) ? null : width == 0 ? "0" : Math.Min((int)((d - low) / width),
            NumericBins - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }
}
