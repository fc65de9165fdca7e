using RepoML.Core.Monitoring;

namespace RepoML.Core.Profiles;

/// <summary>Compares two profiles column by column (see <see cref="ColumnDiff"/> for the statistics).</summary>
public static class ProfileComparer
{
    public static ProfileDiff Compare(DataProfile before, DataProfile after)
    {
        var columns = new List<ColumnDiff>();
        foreach (var b in before.Columns)
        {
            var a = after.Column(b.Name);
            columns.Add(a is null
                ? new ColumnDiff(b.Name, ColumnChange.Removed, b.Type, null, null, b.Numeric?.Mean, null, b.Distinct, null, null, null)
                : Column(b, a));
        }

        columns.AddRange(after.Columns.Where(a => before.Column(a.Name) is null).Select(a =>
            new ColumnDiff(a.Name, ColumnChange.Added, null, a.Type, null, null, a.Numeric?.Mean, null, a.Distinct, null, null)));
        return new ProfileDiff(before.Source, after.Source, before.Rows, after.Rows, columns);
    }

    private static ColumnDiff Column(ColumnProfile b, ColumnProfile a)
    {
        var change = Comparable(b.Type) == Comparable(a.Type) ? ColumnChange.Same : ColumnChange.Retyped;
        var (p, q) = change != ColumnChange.Same ? (null, null)
            : b.Histogram is not null && a.Histogram is not null ? Rebinned(b.Histogram, a.Histogram)
            : b.Numeric is null && a.Numeric is null ? CategoryShares(b.Top, a.Top) : (null, null);
        return new ColumnDiff(b.Name, change, b.Type, a.Type, a.MissingShare - b.MissingShare, b.Numeric?.Mean, a.Numeric?.Mean, b.Distinct,
            a.Distinct, p is null ? null : PopulationStabilityIndex.Compute(p, q), p is null ? null : JensenShannonDistance.Compute(p, q));
    }

    // Integer and number are one kind for comparison: a column that gains a decimal has not changed type.
    private static ColumnType Comparable(ColumnType type) => type == ColumnType.Integer ? ColumnType.Number : type;

    private static (double[]?, double[]?) Rebinned(Histogram before, Histogram after)
    {
        var edges = before.Edges.Concat(after.Edges).Distinct().Order().ToArray();
        if (edges.Length < 2)
        {
            return ([1.0], [1.0]);
        }

        return (Spread(before, edges), Spread(after, edges));
    }

    /// <summary>Shares of a histogram's total in each of the given bins, counting a bin's values as spread evenly over it.</summary>
    private static double[] Spread(Histogram histogram, double[] edges)
    {
        var shares = new double[edges.Length - 1];
        var total = (double)histogram.Counts.Sum();
        for (var i = 0; i < histogram.Counts.Count; i++)
        {
            double low = histogram.Edges[i], high = histogram.Edges[i + 1], share = histogram.Counts[i] / total;
            if (high == low)
            {
                // A point mass (a constant column) goes to the bin that holds it.
                var at = Array.FindLastIndex(edges, e => e <= low);
                shares[Math.Clamp(at, 0, shares.Length - 1)] += share;
                continue;
            }

            for (var j = 0; j < shares.Length; j++)
            {
                var overlap = Math.Min(high, edges[j + 1]) - Math.Max(low, edges[j]);
                shares[j] += overlap > 0 ? share * overlap / (high - low) : 0;
            }
        }

        return shares;
    }

    private static (double[]?, double[]?) CategoryShares(IReadOnlyList<CategoryShare> before, IReadOnlyList<CategoryShare> after)
    {
        var values = before.Select(c => c.Value).Union(after.Select(c => c.Value)).ToArray();
        double[] Shares(IReadOnlyList<CategoryShare> top)
        {
            var shares = values.Select(v => top.FirstOrDefault(c => c.Value == v)?.Share ?? 0).ToList();
            shares.Add(Math.Max(0, 1 - top.Sum(c => c.Share)));
            return shares.ToArray();
        }

        return values.Length == 0 ? (null, null) : (Shares(before), Shares(after));
    }
}
