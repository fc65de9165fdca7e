namespace RepoML.Core.Monitoring;

/// <summary>
/// Evidently's <c>z</c> drift test for a feature with two values: the two-proportion z statistic with pooled variance and
/// its two-sided normal p-value, 2·(1 − Φ(|z|)).
/// </summary>
public static class ProportionZTest
{
    /// <param name="referenceHits">Reference rows equal to the first value.</param>
    /// <param name="referenceTotal">Reference rows.</param>
    /// <param name="currentHits">Current rows equal to the first value.</param>
    /// <param name="currentTotal">Current rows.</param>
    /// <returns>The statistic and p-value; p = 1 when both samples hold a single identical value (no variance).</returns>
    public static (double Statistic, double PValue) Test(long referenceHits, long referenceTotal, long currentHits, long currentTotal)
    {
        double n1 = referenceTotal, n2 = currentTotal;
        var p1 = referenceHits / n1;
        var p2 = currentHits / n2;
        var pooled = (referenceHits + currentHits) / (n1 + n2);
        var variance = pooled * (1 - pooled) * ((1 / n1) + (1 / n2));
        if (variance <= 0)
        {
            return (0, 1);
        }

        var z = (p1 - p2) / Math.Sqrt(variance);
        return (z, SpecialFunctions.NormalTwoSided(z));
    }
}
