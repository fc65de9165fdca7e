namespace RepoML.Core.Monitoring;

/// <summary>
/// The first Wasserstein (earth mover's) distance between two samples, ∫|F₁ − F₂|dx (scipy's <c>wasserstein_distance</c>),
/// and Evidently's normalised form: divided by max(σ_reference, 0.001) with σ the population standard deviation.
/// </summary>
public static class WassersteinDistance
{
    /// <param name="sortedA">First sample, ascending, no NaN.</param>
    /// <param name="sortedB">Second sample, ascending, no NaN.</param>
    public static double Compute(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB)
    {
        double n1 = sortedA.Length, n2 = sortedB.Length;
        int i = 0, j = 0;
        var sum = 0.0;
        var x = Math.Min(sortedA[0], sortedB[0]);
        while (i < sortedA.Length || j < sortedB.Length)
        {
            while (i < sortedA.Length && sortedA[i] <= x) { i++; }
            while (j < sortedB.Length && sortedB[j] <= x) { j++; }
            var a = i < sortedA.Length ? sortedA[i] : double.PositiveInfinity;
            var b = j < sortedB.Length ? sortedB[j] : double.PositiveInfinity;
            var next = Math.Min(a, b);
            if (double.IsPositiveInfinity(next))
            {
                break;
            }

            sum += Math.Abs((i / n1) - (j / n2)) * (next - x);
            x = next;
        }

        return sum;
    }

    /// <summary>Evidently's <c>wasserstein</c> stattest value: the distance divided by max(std(reference), 0.001).</summary>
    public static double Normalized(ReadOnlySpan<double> sortedReference, ReadOnlySpan<double> sortedCurrent) =>
        Compute(sortedReference, sortedCurrent) / Math.Max(PopulationStandardDeviation(sortedReference), 0.001);

    /// <summary>numpy's <c>np.std</c> (ddof = 0), two-pass for accuracy.</summary>
    public static double PopulationStandardDeviation(ReadOnlySpan<double> values)
    {
        var mean = 0.0;
        foreach (var v in values) { mean += v; }
        mean /= values.Length;
        var squares = 0.0;
        foreach (var v in values) { squares += (v - mean) * (v - mean); }
        return Math.Sqrt(squares / values.Length);
    }
}
