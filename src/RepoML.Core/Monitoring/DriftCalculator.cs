namespace RepoML.Core.Monitoring;

/// <summary>Computes per-feature drift between a reference and a current window, in parallel over features.</summary>
public static class DriftCalculator
{
    /// <param name="reference">Reference samples by feature.</param>
    /// <param name="current">Current samples; features missing from either side are skipped.</param>
    public static DatasetDrift Compute(IReadOnlyList<FeatureSample> reference, IReadOnlyList<FeatureSample> current, DriftOptions options)
    {
        var currentByName = current.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var pairs = reference.Where(r => currentByName.ContainsKey(r.Name)).Select(r => (r, currentByName[r.Name])).ToArray();
        var results = new FeatureDrift[pairs.Length];
        Parallel.For(0, pairs.Length, i => results[i] = Feature(pairs[i].r, pairs[i].Item2, options));
        return new DatasetDrift(results, options.DriftShare);
    }

    /// <summary>The drift of one feature.</summary>
    public static FeatureDrift Feature(FeatureSample reference, FeatureSample current, DriftOptions options)
    {
        var overrides = options.Features.GetValueOrDefault(reference.Name);
        var kind = reference.Kind;
        if (reference.Valid < options.MinimumRows || current.Valid < options.MinimumRows)
        {
            var fallback = overrides?.Test ?? StatTests.Default(kind, reference.Valid, 6, options.LargeSampleRows);
            return new FeatureDrift(reference.Name, kind, fallback, double.NaN, overrides?.Threshold ?? options.Threshold(fallback),
                DriftStatus.NotEnoughData, double.NaN, reference.Valid, current.Valid, null);
        }

        var distinct = kind == FeatureKind.Categorical
            ? reference.Counts.Keys.Union(current.Counts.Keys).Count()
            : DistinctUnion(reference.Sorted, current.Sorted);
        var test = overrides?.Test ?? StatTests.Default(kind, reference.Valid, distinct, options.LargeSampleRows);
        var threshold = overrides?.Threshold ?? options.Threshold(test);
        var binned = BinnedShares.Of(reference, current, options.Bins);
        var psi = PopulationStabilityIndex.Compute(binned.Reference, binned.Current);
        var value = Value(test, reference, current, binned, psi);
        var status = StatTests.Drifted(test, value, threshold) ? DriftStatus.Drifted : DriftStatus.Stable;
        return new FeatureDrift(reference.Name, kind, test, value, threshold, status, psi, reference.Valid, current.Valid, binned);
    }

    private static double Value(StatTest test, FeatureSample reference, FeatureSample current, BinnedShares binned, double psi)
    {
        switch (test)
        {
            case StatTest.Ks when IsNumeric(reference, current):
                return KolmogorovSmirnov.Test(reference.Sorted, current.Sorted).PValue;
            case StatTest.Wasserstein when IsNumeric(reference, current):
                return WassersteinDistance.Normalized(reference.Sorted, current.Sorted);
            case StatTest.ChiSquare:
            {
                var (_, r, c) = BinnedShares.AlignedCounts(reference, current);
                return ChiSquareTest.Test(r, c).PValue;
            }

            case StatTest.Z:
            {
                var (_, r, c) = BinnedShares.AlignedCounts(reference, current);
                return r.Length > 2 ? double.NaN : ProportionZTest.Test(r[0], reference.Valid, c[0], current.Valid).PValue;
            }

            case StatTest.JensenShannon:
                return JensenShannonDistance.Compute(binned.Reference, binned.Current);
            case StatTest.Psi:
                return psi;
            default:
                return double.NaN; // a numeric test forced on a categorical feature has no value
        }

        static bool IsNumeric(FeatureSample r, FeatureSample c) => r.Kind == FeatureKind.Numeric && c.Kind == FeatureKind.Numeric;
    }

    private static int DistinctUnion(double[] a, double[] b)
    {
        int i = 0, j = 0, distinct = 0;
        while (i < a.Length || j < b.Length)
        {
            var x = j >= b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            distinct++;
            while (i < a.Length && a[i] == x) { i++; }
            while (j < b.Length && b[j] == x) { j++; }
            if (distinct > 20) { return distinct; } // only "≤ 5" matters to the choice
        }

        return distinct;
    }
}
