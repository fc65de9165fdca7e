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
                : Column(b, before.Rows, a, after.Rows));
        }

        columns.AddRange(after.Columns.Where(a => before.Column(a.Name) is null).Select(a =>
            new ColumnDiff(a.Name, ColumnChange.Added, null, a.Type, null, null, a.Numeric?.Mean, null, a.Distinct, null, null)));
        return new ProfileDiff(before.Source, after.Source, before.Rows, after.Rows, columns);
    }

    private static ColumnDiff Column(ColumnProfile b, long rowsBefore, ColumnProfile a, long rowsAfter)
    {
        var change = Comparable(b.Type) == Comparable(a.Type) ? ColumnChange.Same : ColumnChange.Retyped;
        var (p, q) = change != ColumnChange.Same ? (null, null)
            : b.Histogram is not null && a.Histogram is not null ? Binned(b, rowsBefore, a, rowsAfter)
            : b.Numeric is null && a.Numeric is null ? CategoryShares(b.Top, a.Top) : (null, null);
        return new ColumnDiff(b.Name, change, b.Type, a.Type, a.MissingShare - b.MissingShare, b.Numeric?.Mean, a.Numeric?.Mean, b.Distinct,
            a.Distinct, p is null ? null : PopulationStabilityIndex.Compute(p, q), p is null ? null : JensenShannonDistance.Compute(p, q));
    }

    // Integer and number are one kind for comparison: a column that gains a decimal has not changed type.
    private static ColumnType Comparable(ColumnType type) => type == ColumnType.Integer ? ColumnType.Number : type;

    /// <summary>
    /// Both columns' values rebuilt from their profiles (<see cref="ProfileBaseline.Numbers"/>), binned as the monitor bins values
    /// (<see cref="BinnedShares"/>). Re-binning the two histograms on the union of their edges instead cut discrete data
    /// (durations of 12, 24, 36 months) into slivers one side had nothing in, and two halves of one file read as drifted.
    /// </summary>
    private static (double[]?, double[]?) Binned(ColumnProfile before, long rowsBefore, ColumnProfile after, long rowsAfter)
    {
        var reference = ProfileBaseline.Numbers(before, rowsBefore, Scale(before, rowsBefore));
        var current = ProfileBaseline.Numbers(after, rowsAfter, Scale(after, rowsAfter));
        if (reference.Length == 0 || current.Length == 0)
        {
            return (null, null);
        }

        var shares = BinnedShares.Of(FeatureSample.Numeric(before.Name, reference), FeatureSample.Numeric(after.Name, current), bins: null);
        return (shares.Reference, shares.Current);
    }

    // Shares are what PSI reads: a column of more than MaxValues values is rebuilt at that size, each count scaled alike.
    private static double Scale(ColumnProfile column, long rows) => Math.Min(1, (double)MaxValues / Math.Max(1, rows - column.Missing));

    private const int MaxValues = 1_000_000;

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
