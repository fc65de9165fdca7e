namespace RepoML.Core.Monitoring;

/// <summary>
/// The values of one column in one window (reference or current), ready for the drift tests: numeric values sorted
/// ascending, categorical values counted; nulls and values of the wrong type are counted apart.
/// </summary>
public sealed class FeatureSample
{
    private FeatureSample(string name, FeatureKind kind, double[] sorted, IReadOnlyDictionary<string, long> counts, long nulls, long typeErrors)
    {
        Name = name;
        Kind = kind;
        Sorted = sorted;
        Counts = counts;
        Nulls = nulls;
        TypeErrors = typeErrors;
    }

    public string Name { get; }

    public FeatureKind Kind { get; }

    /// <summary>Numeric values, ascending (empty for categorical features).</summary>
    public double[] Sorted { get; }

    /// <summary>Category → rows (empty for numeric features).</summary>
    public IReadOnlyDictionary<string, long> Counts { get; }

    public long Nulls { get; }

    /// <summary>Values that could not be read as the feature's type (text in a numeric column).</summary>
    public long TypeErrors { get; }

    /// <summary>Rows with a usable value.</summary>
    public long Valid => Kind == FeatureKind.Numeric ? Sorted.LongLength : Counts.Values.Sum();

    /// <summary>Every row seen, usable or not.</summary>
    public long Rows => Valid + Nulls + TypeErrors;

    /// <summary>A numeric sample; <paramref name="values"/> (NaN = null) is sorted in place after nulls are removed.</summary>
    public static FeatureSample Numeric(string name, double[] values, long typeErrors = 0)
    {
        var kept = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i])) { values[kept++] = values[i]; }
        }

        var sorted = kept == values.Length ? values : values[..kept];
        RadixSort.Sort(sorted);
        return new FeatureSample(name, FeatureKind.Numeric, sorted, new Dictionary<string, long>(), values.Length - kept, typeErrors);
    }

    /// <summary>A numeric sample from values already sorted ascending without NaN.</summary>
    public static FeatureSample NumericSorted(string name, double[] sorted, long nulls, long typeErrors) =>
        new(name, FeatureKind.Numeric, sorted, new Dictionary<string, long>(), nulls, typeErrors);

    public static FeatureSample Categorical(string name, IReadOnlyDictionary<string, long> counts, long nulls) =>
        new(name, FeatureKind.Categorical, [], counts, nulls, 0);

    /// <summary>Distinct usable values.</summary>
    public int Distinct()
    {
        if (Kind == FeatureKind.Categorical)
        {
            return Counts.Count;
        }

        var distinct = Sorted.Length == 0 ? 0 : 1;
        for (var i = 1; i < Sorted.Length; i++)
        {
            if (Sorted[i] != Sorted[i - 1]) { distinct++; }
        }

        return distinct;
    }

    /// <summary>Value → rows for any kind (numeric values keyed by their round-trip text).</summary>
    public IReadOnlyDictionary<string, long> ValueCounts()
    {
        if (Kind == FeatureKind.Categorical)
        {
            return Counts;
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < Sorted.Length;)
        {
            var j = i;
            while (j < Sorted.Length && Sorted[j] == Sorted[i]) { j++; }
            counts[Sorted[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture)] = j - i;
            i = j;
        }

        return counts;
    }
}
