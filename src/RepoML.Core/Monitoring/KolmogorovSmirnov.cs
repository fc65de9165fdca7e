namespace RepoML.Core.Monitoring;

/// <summary>
/// The two-sample Kolmogorov–Smirnov test as scipy's <c>ks_2samp(a, b, alternative='two-sided', method='auto')</c>:
/// the exact distribution when both samples have at most 10,000 values, else the asymptotic one.
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>scipy's <c>MAX_AUTO_N</c>: 'auto' is exact up to this many values per sample.</summary>
    public const int MaxExactSize = 10_000;

    /// <summary>The statistic D = sup |F₁ − F₂| and its two-sided p-value.</summary>
    /// <param name="sortedA">The first sample, sorted ascending, no NaN.</param>
    /// <param name="sortedB">The second sample, sorted ascending, no NaN.</param>
    public static (double Statistic, double PValue) Test(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB)
    {
        int n1 = sortedA.Length, n2 = sortedB.Length;
        if (n1 == 0 || n2 == 0)
        {
            throw new ArgumentException("both samples need at least one value");
        }

        var d = Statistic(sortedA, sortedB);
        var p = Math.Max(n1, n2) <= MaxExactSize ? ExactPValue(n1, n2, d) : AsymptoticPValue(n1, n2, d);
        return (d, Math.Clamp(p, 0.0, 1.0));
    }

    /// <summary>sup over x of |F₁(x) − F₂(x)| with right-continuous empirical CDFs (ties handled as scipy's searchsorted 'right').</summary>
    public static double Statistic(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int i = 0, j = 0;
        double n1 = a.Length, n2 = b.Length, max = 0;
        while (i < a.Length && j < b.Length)
        {
            var x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= x) { i++; }
            while (j < b.Length && b[j] <= x) { j++; }
            max = Math.Max(max, Math.Abs((i / n1) - (j / n2)));
        }

        return max;
    }

    /// <summary>
    /// P(D ≥ d) exactly: the share of monotone lattice paths from (0,0) to (n₁,n₂) that leave the band
    /// |i/n₁ − j/n₂| &lt; d. The tail is accumulated directly (each cell holds the share of paths to it that have left the
    /// band, 1 outside it) rather than as one minus the inside share, which cancels to 0 once p falls below ~1e-16
    /// (scipy's <c>_compute_outer_prob_inside_method</c>). All terms are non-negative, so p stays exact to a few ulps down
    /// to the smallest doubles.
    /// </summary>
    public static double ExactPValue(int n1, int n2, double d)
    {
        var g = Gcd(n1, n2);
        long lcm = (long)(n1 / g) * n2;
        var h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
        if (h == 0)
        {
            return 1.0;
        }

        if (n1 == n2)
        {
            return OutsideSquare(n1, h);
        }

        int m = Math.Max(n1, n2), n = Math.Min(n1, n2);
        long mg = m / g, ng = n / g;

        // Inside iff |ng·i − mg·j| < h (integers, so no rounding at the boundary). column[j] holds the share of paths to
        // (i, j) that have left the band; the band moves up with i, cells below and above it are 1.
        var column = new double[n + 1];
        Array.Fill(column, 1.0);
        for (var j = 0; j <= n && mg * j < h; j++) { column[j] = 0.0; }
        var low = 0;
        for (var i = 1; i <= m; i++)
        {
            var newLow = Math.Max(0, (int)Math.Floor(((ng * i) - h) / (double)mg) + 1);
            var newHigh = Math.Min(n, (int)Math.Ceiling(((ng * i) + h) / (double)mg) - 1);
            if (newHigh < newLow)
            {
                return 1.0;
            }

            for (var j = low; j < newLow; j++) { column[j] = 1.0; }
            double previous = newLow == 0 ? 0 : column[newLow - 1];
            for (var j = newLow; j <= newHigh; j++)
            {
                var inside = Math.Abs((ng * i) - (mg * j)) < h;
                var value = inside ? ((i * column[j]) + (j * previous)) / (i + j) : 1.0;
                column[j] = value;
                previous = value;
            }

            low = newLow;
        }

        return column[n];
    }

    /// <summary>
    /// Two-sided asymptotic p-value. scipy evaluates <c>kstwo.sf(d, round(n₁n₂/(n₁+n₂)))</c>; RepoML uses the limiting
    /// Kolmogorov distribution Q_KS(√en·d), which differs from scipy by less than about 1e-3 at these sizes (see docs/monitoring.md).
    /// </summary>
    public static double AsymptoticPValue(int n1, int n2, double d)
    {
        var en = Math.Round((double)n1 * n2 / (n1 + n2));
        return KolmogorovSurvival(Math.Sqrt(en) * d);
    }

    /// <summary>The Kolmogorov distribution's survival function (scipy's <c>special.kolmogorov</c>).</summary>
    public static double KolmogorovSurvival(double z)
    {
        if (z <= 0) { return 1.0; }
        if (z < 1.18)
        {
            // Small z: the Jacobi-theta form converges fast.
            var w = Math.PI * Math.PI / (8 * z * z);
            var s = 0.0;
            for (var k = 1; k <= 9; k += 2) { s += Math.Exp(-k * k * w); }
            return 1.0 - (Math.Sqrt(2 * Math.PI) / z * s);
        }

        var sum = 0.0;
        for (var k = 1; k <= 100; k++)
        {
            var term = Math.Exp(-2.0 * k * k * z * z);
            sum += (k % 2 == 1 ? 1 : -1) * term;
            if (term < 1e-17) { break; }
        }

        return 2 * sum;
    }

    // Pr(D_{n,n} ≥ h/n) by the alternating sum of binomial ratios, Horner-style as scipy does.
    private static double OutsideSquare(int n, long h)
    {
        var p = 0.0;
        for (var k = (long)Math.Floor(n / (double)h); k >= 0; k--)
        {
            var p1 = 1.0;
            for (long j = 0; j < h; j++)
            {
                p1 = (n - (k * h) - j) * p1 / (n + (k * h) + j + 1);
            }

            p = p1 * (1.0 - p);
        }

        return 2 * p;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0) { (a, b) = (b, a % b); }
        return a;
    }
}
