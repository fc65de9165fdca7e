namespace RepoML.Core.Monitoring;

/// <summary>scipy's <c>spatial.distance.jensenshannon(p, q)</c> (natural log): √(½·KL(p‖m) + ½·KL(q‖m)), m = (p + q)/2.</summary>
public static class JensenShannonDistance
{
    /// <param name="p">Non-negative weights; normalised to sum 1.</param>
    /// <param name="q">Non-negative weights aligned with <paramref name="p"/>; normalised to sum 1.</param>
    public static double Compute(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double sp = 0, sq = 0;
        for (var i = 0; i < p.Length; i++) { sp += p[i]; sq += q[i]; }
        var js = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            double a = p[i] / sp, b = q[i] / sq, m = (a + b) / 2;
            js += RelativeEntropy(a, m) + RelativeEntropy(b, m);
        }

        return Math.Sqrt(Math.Max(js / 2, 0));
    }

    // scipy.special.rel_entr: x·ln(x/y), 0 when x = 0.
    private static double RelativeEntropy(double x, double y) => x > 0 && y > 0 ? x * Math.Log(x / y) : x == 0 ? 0 : double.PositiveInfinity;
}
