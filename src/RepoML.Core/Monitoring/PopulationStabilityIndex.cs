namespace RepoML.Core.Monitoring;

/// <summary>
/// Evidently's <c>psi</c>: Σ (r − c)·ln(r / c) over binned shares, where empty bins are filled with a small share
/// (min non-zero share / 10⁶ when that minimum is ≤ 0.0001, else 0.0001) so the logarithm stays finite.
/// </summary>
public static class PopulationStabilityIndex
{
    public static double Compute(ReadOnlySpan<double> referenceShares, ReadOnlySpan<double> currentShares)
    {
        var r = FillZeroes(referenceShares);
        var c = FillZeroes(currentShares);
        var psi = 0.0;
        for (var i = 0; i < r.Length; i++)
        {
            psi += (r[i] - c[i]) * Math.Log(r[i] / c[i]);
        }

        return psi;
    }

    private static double[] FillZeroes(ReadOnlySpan<double> shares)
    {
        var filled = shares.ToArray();
        var minimum = double.PositiveInfinity;
        foreach (var s in filled)
        {
            if (s != 0) { minimum = Math.Min(minimum, s); }
        }

        var fill = double.IsPositiveInfinity(minimum) ? 0.0001 : minimum <= 0.0001 ? minimum / 1e6 : 0.0001;
        for (var i = 0; i < filled.Length; i++)
        {
            if (filled[i] == 0) { filled[i] = fill; }
        }

        return filled;
    }
}
