namespace RepoML.Core.Monitoring;

/// <summary>
/// The special functions the drift tests need for exact p-values: log-gamma (Lanczos), the regularized incomplete
/// gamma functions (series and Lentz continued fraction, as Numerical Recipes §6.2), and the chi-square and normal tails.
/// </summary>
public static class SpecialFunctions
{
    private const double Epsilon = 1e-15;
    private const int MaxIterations = 10_000;

    // Lanczos g = 7, n = 9 (Godfrey's coefficients): relative error below 1e-15 for positive arguments.
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection keeps accuracy for small arguments.
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) (scipy's <c>gammaincc</c>).</summary>
    public static double RegularizedGammaQ(double a, double x)
    {
        if (double.IsNaN(x) || a <= 0)
        {
            return double.NaN;
        }

        if (x <= 0)
        {
            return 1.0;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 0.0;
        }

        return x < a + 1 ? 1.0 - LowerSeries(a, x) : UpperContinuedFraction(a, x);
    }

    /// <summary>The regularized lower incomplete gamma function P(a, x) (scipy's <c>gammainc</c>).</summary>
    public static double RegularizedGammaP(double a, double x) => 1.0 - RegularizedGammaQ(a, x);

    /// <summary>The chi-square survival function with <paramref name="degreesOfFreedom"/> (scipy's <c>chi2.sf</c>).</summary>
    public static double ChiSquareSurvival(double statistic, double degreesOfFreedom) =>
        RegularizedGammaQ(degreesOfFreedom / 2.0, statistic / 2.0);

    /// <summary>Two-sided standard normal tail 2·(1 − Φ(|z|)) = Q(½, z²/2).</summary>
    public static double NormalTwoSided(double z) =>
        double.IsNaN(z) ? double.NaN : RegularizedGammaQ(0.5, z * z / 2.0);

    private static double LowerSeries(double a, double x)
    {
        var term = 1.0 / a;
        var sum = term;
        for (var n = 1; n < MaxIterations; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
            {
                break;
            }
        }

        return sum * Math.Exp((-x) + (a * Math.Log(x)) - LogGamma(a));
    }

    private static double UpperContinuedFraction(double a, double x)
    {
        const double tiny = 1e-300;
        var b = x + 1 - a;
        var c = 1 / tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return Math.Exp((-x) + (a * Math.Log(x)) - LogGamma(a)) * h;
    }
}
