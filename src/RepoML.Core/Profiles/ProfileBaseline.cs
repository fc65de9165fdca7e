using RepoML.Core.Monitoring;

namespace RepoML.Core.Profiles;

/// <summary>
/// A recorded profile as a monitor's baseline: a table with the profile's rows whose columns have the profile's
/// distributions, so a monitor need not read the CSV again. Exact (the same drift and quality figures as from the CSV)
/// for columns whose values all appear in the profile's most frequent values: text and whole numbers with at most
/// <see cref="ColumnSummarizer.TopValues"/> distinct values, numbers with at most <see cref="ColumnSummarizer.ExactValues"/>. Other numbers are spread evenly within each histogram bin
/// (whole numbers rounded down, min and max kept exactly), so their distribution differs from the data's by less than
/// one bin's share. PSI, Jensen–Shannon and Wasserstein move by hundredths at most; a KS p-value, which reads the
/// sample's own noise inside each bin that a profile does not keep, can move by up to about 0.15 on 1,000 rows (the
/// tolerances ProfileBaselineTests checks, with the same verdicts). Other text pools the values beyond the top
/// list as <see cref="Other"/>. Rows are synthetic (columns are independent), so figures that need rows joined, such
/// as feature attribution drift, cannot come from a profile.
/// </summary>
public static class ProfileBaseline
{
    public const string Other = "(other)";

    public static CellTable Table(DataProfile profile)
    {
        var rows = checked((int)profile.Rows);
        var cells = new string?[rows][];
        for (var r = 0; r < rows; r++)
        {
            cells[r] = new string?[profile.Columns.Count];
        }

        for (var c = 0; c < profile.Columns.Count; c++)
        {
            var values = Values(profile.Columns[c], rows);
            for (var r = 0; r < rows; r++)
            {
                cells[r][c] = values[r];
            }
        }

        return new CellTable([.. profile.Columns.Select(c => c.Name)], cells);
    }

    /// <summary>Whether the profile holds the column's every value with its count.</summary>
    public static bool IsExact(ColumnProfile column, long rows) =>
        column.Type == ColumnType.Empty || column.Top.Sum(t => t.Count) == rows - column.Missing;

    /// <summary>A numeric column's present values rebuilt from its profile, each count times <paramref name="scale"/>: the exact values
    /// where <see cref="IsExact"/>, else spread within each histogram bin as <see cref="Table"/> does.</summary>
    internal static double[] Numbers(ColumnProfile column, long rows, double scale = 1)
    {
        if (column.Type == ColumnType.Empty || column.Histogram is null || column.Numeric is null)
        {
            return [];
        }

        return IsExact(column, rows)
            ? [.. column.Top.SelectMany(t => Enumerable.Repeat(double.Parse(t.Value, CultureInfo.InvariantCulture), Scaled(t.Count, scale)))]
            : [.. Spread(column.Histogram, column.Numeric, column.Type == ColumnType.Integer, scale)];
    }

    private static List<string?> Values(ColumnProfile column, int rows)
    {
        var values = new List<string?>(rows);
        var present = rows - column.Missing;
        foreach (var top in column.Type == ColumnType.Empty ? [] : column.Top)
        {
            values.AddRange(Enumerable.Repeat<string?>(top.Value, checked((int)top.Count)));
        }

        if (!IsExact(column, rows))
        {
            if (column is { Histogram: { } histogram, Numeric: { } numeric })
            {
                values.Clear();
                values.AddRange(Spread(histogram, numeric, column.Type == ColumnType.Integer, 1).Select(Text));
            }
            else
            {
                values.AddRange(Enumerable.Repeat<string?>(Other, checked((int)(present - values.Count))));
            }
        }

        values.AddRange(Enumerable.Repeat<string?>(null, rows - values.Count));
        return values;
    }

    private static List<double> Spread(Histogram histogram, NumericSummary numeric, bool integral, double scale)
    {
        var values = new List<double>();
        for (var i = 0; i < histogram.Counts.Count; i++)
        {
            double low = histogram.Edges[i], high = histogram.Edges[i + 1];
            var count = Scaled(histogram.Counts[i], scale);
            for (long j = 0; j < count; j++)
            {
                var value = low + (high - low) * (j + 0.5) / count;
                values.Add(integral ? Math.Floor(value) : value);
            }
        }

        if (values.Count > 0)
        {
            values[0] = numeric.Min;
            values[^1] = numeric.Max;
        }

        return values;
    }

    private static int Scaled(long count, double scale) => checked((int)(scale == 1 ? count : Math.Round(count * scale)));

    private static string? Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
