using RepoML.Core.Monitoring;

namespace RepoML.Core.Profiles;

/// <summary>
/// Turns a column's accumulators (one per chunk) into its profile. Figures are computed from the sorted values in order,
/// so they do not depend on how the text was chunked.
/// </summary>
internal static class ColumnSummarizer
{
    public const int HistogramBins = 20;
    public const int TopValues = 10;

    /// <summary>Number columns with at most this many distinct values keep every value with its count (durations in months,
    /// ages, codes, ratings in halves), so diffs and monitor baselines read their distribution exactly rather than from the
    /// histogram, whose even spread within a bin misplaces spiky counts.</summary>
    public const int ExactValues = 100;
    public static readonly double[] QuantilePoints = [0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1];

    public static ColumnProfile Summarize(string name, long rows, IReadOnlyList<ColumnAccumulator> chunks)
    {
        var missing = chunks.Sum(c => c.Missing);
        var missingShare = rows == 0 ? 0 : (double)missing / rows;
        if (chunks.All(c => c.Numeric))
        {
            var values = new double[chunks.Sum(c => c.NumberCount)];
            var at = 0;
            foreach (var chunk in chunks)
            {
                chunk.Numbers.CopyTo(values.AsSpan(at));
                at += chunk.NumberCount;
            }

            if (values.Length == 0)
            {
                return new ColumnProfile(name, ColumnType.Empty, missing, missingShare, 0, null, null, []);
            }

            RadixSort.Sort(values);
            var integral = values.All(v => v == Math.Floor(v) && Math.Abs(v) < 9.007199254740992E15);
            var fractional = integral ? 0 : CountDistinct(values);
            var (distinct, top) = integral || fractional <= ExactValues ? ValueCounts(values) : (fractional, []);
            return new ColumnProfile(name, integral ? ColumnType.Integer : ColumnType.Number, missing, missingShare, distinct,
                Numeric(values), Histogram(values), top);
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (value, count) in chunks.SelectMany(c => c.Counts))
        {
            counts[value] = counts.GetValueOrDefault(value) + count;
        }

        var present = counts.Values.Sum();
        return new ColumnProfile(name, ColumnType.String, missing, missingShare, counts.Count, null, null, Top(counts, present));
    }

    private static NumericSummary Numeric(double[] sorted)
    {
        var sum = 0.0;
        foreach (var v in sorted) { sum += v; }
        var mean = sum / sorted.Length;
        var squares = 0.0;
        foreach (var v in sorted) { squares += (v - mean) * (v - mean); }
        return new NumericSummary(sorted[0], sorted[^1], mean, Math.Sqrt(squares / sorted.Length),
            QuantilePoints.Select(p => new Quantile(p, QuantileOf(sorted, p))).ToArray());
    }

    /// <summary>numpy's default (linear) quantile of sorted values.</summary>
    public static double QuantileOf(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    private static Histogram Histogram(double[] sorted)
    {
        double min = sorted[0], max = sorted[^1];
        var bins = min == max ? 1 : HistogramBins;
        var width = (max - min) / bins;
        var edges = Enumerable.Range(0, bins + 1).Select(i => i == bins ? max : min + i * width).ToArray();
        var counts = new long[bins];
        foreach (var v in sorted)
        {
            // (v - min) / width can round across an edge (6.1 in 4.3..7.9 gives 9.999…); the edges written out decide, as in numpy.
            var bin = width == 0 ? 0 : Math.Min(bins - 1, (int)((v - min) / width));
            bin -= bin > 0 && v < edges[bin] ? 1 : 0;
            bin += bin < bins - 1 && v >= edges[bin + 1] ? 1 : 0;
            counts[bin]++;
        }

        return new Histogram(edges, counts);
    }

    private static long CountDistinct(double[] sorted)
    {
        long distinct = 1;
        for (var i = 1; i < sorted.Length; i++) { distinct += sorted[i] != sorted[i - 1] ? 1 : 0; }
        return distinct;
    }

    // Whole numbers with up to 1,000 values (codes, counts, flags) also get their most frequent values; any number column with
    // up to ExactValues values gets all of them.
    private static (long, IReadOnlyList<CategoryShare>) ValueCounts(double[] sorted)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var runStart = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || sorted[i] != sorted[runStart])
            {
                if (counts.Count <= 1000)
                {
                    counts[sorted[runStart].ToString("R", CultureInfo.InvariantCulture)] = i - runStart;
                }

                runStart = i;
            }
        }

        return counts.Count > 1000 ? (CountDistinct(sorted), [])
            : (counts.Count, Top(counts, sorted.Length, counts.Count <= ExactValues ? ExactValues : TopValues));
    }

    private static CategoryShare[] Top(Dictionary<string, long> counts, long present, int take = TopValues) => counts
        .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(take)
        .Select(c => new CategoryShare(c.Key, c.Value, present == 0 ? 0 : (double)c.Value / present)).ToArray();
}
