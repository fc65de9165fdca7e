namespace RepoML.Core.Monitoring;

/// <summary>
/// Evidently's <c>get_binned_data</c>: a numeric feature with more than 20 distinct reference values is cut into equal-width
/// bins over the combined range (numpy's <c>histogram_bin_edges</c>, last bin closed; Sturges' rule for the count unless one
/// is given); anything else is counted per value
/// over the union of both windows' values. Shares are per window.
/// </summary>
public sealed record BinnedShares(IReadOnlyList<string> Labels, double[] Reference, double[] Current)
{
    /// <summary>Distinct reference values above which a numeric feature is binned rather than counted per value.</summary>
    public const int MaxDistinctForCounts = 20;

    /// <param name="bins">Numeric bins; null for Sturges' rule over both windows.</param>
    public static BinnedShares Of(FeatureSample reference, FeatureSample current, int? bins)
    {
        if (reference.Kind == FeatureKind.Numeric && reference.Distinct() > MaxDistinctForCounts)
        {
            return Histogram(reference.Sorted, current.Sorted, bins ?? SturgesBins(reference.Sorted.Length + current.Sorted.Length,
                Math.Max(reference.Sorted[^1], current.Sorted[^1]) - Math.Min(reference.Sorted[0], current.Sorted[0])));
        }

        var (labels, r, c) = AlignedCounts(reference, current);
        double rt = reference.Valid, ct = current.Valid;
        return new BinnedShares(labels, r.Select(v => v / rt).ToArray(), c.Select(v => v / ct).ToArray());
    }

    /// <summary>Per-value counts of both samples over the union of their values (reference values first, then new ones).</summary>
    public static (IReadOnlyList<string> Labels, long[] Reference, long[] Current) AlignedCounts(FeatureSample reference, FeatureSample current)
    {
        var r = reference.ValueCounts();
        var c = current.ValueCounts();
        var labels = r.Keys.Concat(c.Keys.Where(k => !r.ContainsKey(k))).ToList();
        return (labels, labels.Select(k => r.GetValueOrDefault(k)).ToArray(), labels.Select(k => c.GetValueOrDefault(k)).ToArray());
    }

    /// <summary>numpy's "sturges" bin count for <paramref name="values"/> values over <paramref name="range"/>: the width
    /// range / (log₂ n + 1), then ⌈range / width⌉ bins, computed as numpy does so the count agrees at powers of two.</summary>
    public static int SturgesBins(long values, double range)
    {
        if (values <= 1 || !(range > 0)) { return 1; }
        var width = range / (Math.Log2(values) + 1.0);
        return (int)Math.Ceiling(range / width);
    }

    /// <summary>Equal-width histogram shares over [min, max] of both sorted samples, as numpy bins them.</summary>
    public static BinnedShares Histogram(double[] sortedReference, double[] sortedCurrent, int bins)
    {
        var low = Math.Min(sortedReference[0], sortedCurrent[0]);
        var high = Math.Max(sortedReference[^1], sortedCurrent[^1]);
        if (low == high)
        {
            (low, high) = (low - 0.5, high + 0.5);
        }

        var edges = new double[bins + 1];
        var step = (high - low) / bins;
        for (var k = 0; k < bins; k++) { edges[k] = low + (k * step); }
        edges[bins] = high;
        var labels = Enumerable.Range(0, bins).Select(k => $"[{Format(edges[k])}, {Format(edges[k + 1])}{(k == bins - 1 ? "]" : ")")}").ToList();
        return new BinnedShares(labels, Shares(sortedReference, edges), Shares(sortedCurrent, edges));
    }

    // Sorted input: walk the edges once instead of searching per value.
    private static double[] Shares(double[] sorted, double[] edges)
    {
        var bins = edges.Length - 1;
        var counts = new double[bins];
        var bin = 0;
        foreach (var v in sorted)
        {
            while (bin < bins - 1 && v >= edges[bin + 1]) { bin++; }
            counts[bin]++;
        }

        for (var k = 0; k < bins; k++) { counts[k] /= sorted.Length; }
        return counts;
    }

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
