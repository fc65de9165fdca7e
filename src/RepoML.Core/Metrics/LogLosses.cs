namespace RepoML.Core.Metrics;

/// <summary>Log loss as scikit-learn's <c>log_loss</c>: probabilities clipped to [eps, 1-eps] (eps = machine epsilon of double), rows
/// renormalised.</summary>
internal static class LogLosses
{
    public const double Epsilon = 2.220446049250313e-16;

    public static double Binary(ReadOnlySpan<bool> actual, ReadOnlySpan<double> probability)
    {
        double sum = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            // As scikit-learn: clip P(positive) first, then derive P(negative) from it.
            var p1 = Clip(probability[i]);
            var p0 = 1.0 - p1;
            sum -= Math.Log((actual[i] ? p1 : p0) / (p0 + p1));
        }

        return sum / actual.Length;
    }

    /// <param name="probabilities">Row-major, <paramref name="classCount"/> values per row.</param>
    public static double Multiclass(ReadOnlySpan<int> actual, ReadOnlySpan<double> probabilities, int classCount)
    {
        double sum = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var row = probabilities.Slice(i * classCount, classCount);
            double total = 0;
            foreach (var p in row)
            {
                total += Clip(p);
            }

            sum -= Math.Log(Clip(row[actual[i]]) / total);
        }

        return sum / actual.Length;
    }

    private static double Clip(double p) => double.IsNaN(p) ? p : Math.Clamp(p, Epsilon, 1.0 - Epsilon);
}
