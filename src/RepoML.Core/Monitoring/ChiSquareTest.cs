namespace RepoML.Core.Monitoring;

/// <summary>
/// Evidently's <c>chisquare</c> drift test: expected counts are the reference counts scaled to the current sample size,
/// then scipy's <c>chisquare(f_obs, f_exp)</c> with k − 1 degrees of freedom.
/// </summary>
public static class ChiSquareTest
{
    /// <param name="reference">Reference count per category.</param>
    /// <param name="current">Current count per category, aligned with <paramref name="reference"/>.</param>
    /// <returns>The statistic and its p-value; a category absent from the reference gives an infinite statistic (p = 0), as scipy.</returns>
    public static (double Statistic, double PValue) Test(ReadOnlySpan<long> reference, ReadOnlySpan<long> current)
    {
        double referenceTotal = 0, currentTotal = 0;
        for (var i = 0; i < reference.Length; i++)
        {
            referenceTotal += reference[i];
            currentTotal += current[i];
        }

        var scale = currentTotal / referenceTotal;
        var statistic = 0.0;
        for (var i = 0; i < reference.Length; i++)
        {
            var expected = reference[i] * scale;
            var difference = current[i] - expected;
            statistic += expected == 0 ? (difference == 0 ? double.NaN : double.PositiveInfinity) : difference * difference / expected;
        }

        if (double.IsNaN(statistic))
        {
            return (double.NaN, double.NaN);
        }

        return (statistic, reference.Length < 2 ? double.NaN : SpecialFunctions.ChiSquareSurvival(statistic, reference.Length - 1));
    }
}
