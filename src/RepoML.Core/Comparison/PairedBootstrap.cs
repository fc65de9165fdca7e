namespace RepoML.Core.Comparison;

/// <summary>
/// Paired bootstrap of metric deltas (candidate − baseline): each resample draws rows with replacement, the same rows
/// for both models, and the interval is the 2.5th and 97.5th percentile of the resampled deltas (linear interpolation,
/// numpy's default). Resample r draws from a generator seeded by (seed, r), so results do not depend on threads.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>The interval of each metric's delta; a metric undefined in every resample (NaN) is left out.</summary>
    public static IReadOnlyDictionary<string, ConfidenceInterval> Run(PredictionSet candidate, PredictionSet baseline, int resamples, int seed,
        double confidence = 0.95)
    {
        if (!candidate.IsPairedWith(baseline))
        {
            throw new ArgumentException("the candidate and baseline predictions must cover the same rows with the same truth");
        }

        var result = new Dictionary<string, ConfidenceInterval>(StringComparer.Ordinal);
        if (resamples <= 0)
        {
            return result;
        }

        var c = new WeightedMetrics(candidate);
        var b = new WeightedMetrics(baseline);
        var m = c.Names.Count;
        var n = candidate.Rows;
        var deltas = new double[m][];
        for (var k = 0; k < m; k++)
        {
            deltas[k] = new double[resamples];
        }

        Parallel.For(
            0,
            resamples,
            () => (Counts: new int[n], C: new double[m], B: new double[m], ScratchC: c.CreateScratch(), ScratchB: b.CreateScratch()),
            (r, _, buffers) =>
            {
                var random = new DeterministicRandom(seed, r + 1);
                Array.Clear(buffers.Counts);
                for (var i = 0; i < n; i++)
                {
                    buffers.Counts[random.Next(n)]++;
                }

                c.Evaluate(buffers.Counts, buffers.C, buffers.ScratchC);
                b.Evaluate(buffers.Counts, buffers.B, buffers.ScratchB);
                for (var k = 0; k < m; k++)
                {
                    deltas[k][r] = buffers.C[k] - buffers.B[k];
                }

                return buffers;
            },
            _ => { });

        var tail = (1 - confidence) / 2;
        for (var k = 0; k < m; k++)
        {
            var finite = deltas[k].Where(d => !double.IsNaN(d)).ToArray();
            if (finite.Length > 0)
            {
                Array.Sort(finite);
                result[c.Names[k]] = new ConfidenceInterval(Percentile(finite, tail), Percentile(finite, 1 - tail));
            }
        }

        return result;
    }

    /// <summary>The q-quantile of sorted values, interpolated linearly between neighbours (numpy's "linear" method).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
