namespace RepoML.Core.Monitoring;

/// <summary>Computes data quality of current samples against the baseline's ranges and categories.</summary>
public static class DataQualityCalculator
{
    public const string NullValueRate = "null_value_rate";
    public const string DataTypeErrorRate = "data_type_error_rate";
    public const string OutOfBoundsRate = "out_of_bounds_rate";

    public static IReadOnlyList<FeatureQuality> Compute(IReadOnlyList<FeatureSample> reference, IReadOnlyList<FeatureSample> current,
        DataQualityThresholds thresholds)
    {
        var byName = reference.ToDictionary(r => r.Name, StringComparer.Ordinal);
        return [.. current.Where(c => byName.ContainsKey(c.Name)).Select(c => Feature(byName[c.Name], c, thresholds))];
    }

    public static FeatureQuality Feature(FeatureSample reference, FeatureSample current, DataQualityThresholds thresholds)
    {
        double rows = Math.Max(current.Rows, 1);
        var nullRate = current.Nulls / rows;
        var typeRate = current.TypeErrors / rows;
        double outOfBounds;
        double? min = null, max = null;
        IReadOnlyList<string> unseen = [];
        if (reference.Kind == FeatureKind.Numeric)
        {
            if (reference.Sorted.Length > 0)
            {
                (min, max) = (reference.Sorted[0], reference.Sorted[^1]);
                outOfBounds = (CountBelow(current.Sorted, min.Value) + CountAbove(current.Sorted, max.Value)) / rows;
            }
            else
            {
                outOfBounds = 0;
            }
        }
        else
        {
            var novel = current.Counts.Where(c => !reference.Counts.ContainsKey(c.Key)).OrderByDescending(c => c.Value).ToList();
            outOfBounds = novel.Sum(c => c.Value) / rows;
            unseen = [.. novel.Take(5).Select(c => c.Key)];
        }

        var violations = new List<string>();
        if (nullRate > thresholds.NullValueRate) { violations.Add(NullValueRate); }
        if (typeRate > thresholds.DataTypeErrorRate) { violations.Add(DataTypeErrorRate); }
        if (outOfBounds > thresholds.OutOfBoundsRate) { violations.Add(OutOfBoundsRate); }
        return new FeatureQuality(current.Name, reference.Kind, nullRate, reference.Nulls / (double)Math.Max(reference.Rows, 1), typeRate,
            outOfBounds, min, max, unseen, violations);
    }

    private static long CountBelow(double[] sorted, double bound)
    {
        var index = Array.BinarySearch(sorted, bound);
        if (index < 0) { return ~index; }
        while (index > 0 && sorted[index - 1] == bound) { index--; }
        return index;
    }

    private static long CountAbove(double[] sorted, double bound)
    {
        var index = Array.BinarySearch(sorted, bound);
        if (index < 0) { return sorted.Length - ~index; }
        while (index < sorted.Length - 1 && sorted[index + 1] == bound) { index++; }
        return sorted.Length - index - 1;
    }
}
