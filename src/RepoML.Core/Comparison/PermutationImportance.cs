namespace RepoML.Core.Comparison;

/// <summary>
/// Permutation feature importance with the scoring left to the caller: for each feature and repeat, the caller scores
/// the rows with that feature's column reordered by the given permutation and returns the metric (from several threads).
/// </summary>
public static class PermutationImportance
{
    /// <param name="reference">The metric on the unshuffled rows.</param>
    /// <param name="metricWithPermutedFeature">(feature index, row permutation) → metric with that column permuted.</param>
    /// <returns>One entry per feature, most important first (ties by name).</returns>
    public static IReadOnlyList<FeatureImportance> Compute(
        IReadOnlyList<string> features, int rows, double reference, bool greaterIsBetter, Func<int, int[], double> metricWithPermutedFeature, int
            repeats, int seed)
    {
        if (repeats <= 0 || rows < 2)
        {
            return [];
        }

        // Features are independent and each (feature, repeat) has its own random stream, so they run in parallel
        // and the result does not depend on scheduling; the callback must be thread-safe.
        var result = new FeatureImportance[features.Count];
        Parallel.For(0, features.Count, f =>
        {
            var drops = new double[repeats];
            for (var r = 0; r < repeats; r++)
            {
                var permutation = new DeterministicRandom(seed, ((long)f << 20) + r + 1).Permutation(rows);
                var permuted = metricWithPermutedFeature(f, permutation);
                drops[r] = greaterIsBetter ? reference - permuted : permuted - reference;
            }

            var mean = drops.Average();
            result[f] = new FeatureImportance(features[f], mean, Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / repeats));
        });

        return result.OrderByDescending(i => i.Mean).ThenBy(i => i.Feature, StringComparer.Ordinal).ToList();
    }

    /// <summary>The candidate's importances with the baseline's of the same features attached.</summary>
    public static IReadOnlyList<FeatureImportance> WithBaseline(IReadOnlyList<FeatureImportance> candidate, IReadOnlyList<FeatureImportance> baseline)
    {
        var byFeature = baseline.ToDictionary(b => b.Feature, b => b.Mean, StringComparer.Ordinal);
        return candidate.Select(c => c with { BaselineMean = byFeature.TryGetValue(c.Feature, out var b) ? b : null }).ToList();
    }
}
