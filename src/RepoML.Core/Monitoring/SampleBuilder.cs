namespace RepoML.Core.Monitoring;

/// <summary>Turns raw cells into drift samples; a column is numeric when every baseline value reads as a number.</summary>
public static class SampleBuilder
{
    public static bool IsNumeric(IReadOnlyList<string?> baseline) =>
        baseline.Any(v => v is not null) && baseline.All(v => v is null || TryNumber(v, out _));

    public static FeatureSample Build(string name, IReadOnlyList<string?> cells, bool numeric)
    {
        if (numeric)
        {
            var values = new double[cells.Count];
            long typeErrors = 0;
            var kept = 0;
            foreach (var cell in cells)
            {
                if (cell is null) { values[kept++] = double.NaN; }
                else if (TryNumber(cell, out var v)) { values[kept++] = v; }
                else { typeErrors++; }
            }

            return FeatureSample.Numeric(name, kept == values.Length ? values : values[..kept], typeErrors);
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        long nulls = 0;
        foreach (var cell in cells)
        {
            if (cell is null) { nulls++; }
            else { counts[cell] = counts.GetValueOrDefault(cell) + 1; }
        }

        return FeatureSample.Categorical(name, counts, nulls);
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsNaN(value);
}
