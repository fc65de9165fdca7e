namespace RepoML.Core.Metrics;

/// <summary>Regression metrics, computed as scikit-learn does.</summary>
/// <param name="R2">Coefficient of determination; with constant actual values 1 for a perfect fit, else 0
/// (<c>r2_score(force_finite=True)</c>).</param>
public sealed record RegressionMetrics(int Count, double Rmse, double Mae, double R2)
{
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [MetricNames.Rmse] = Rmse,
        [MetricNames.Mae] = Mae,
        [MetricNames.R2] = R2,
    };

    public static RegressionMetrics Compute(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        if (actual.Length != predicted.Length || actual.IsEmpty)
        {
            throw new ArgumentException("actual and predicted must be non-empty and of the same length");
        }

        double mean = 0;
        foreach (var a in actual)
        {
            mean += a;
        }

        mean /= actual.Length;
        double squared = 0, absolute = 0, total = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var error = actual[i] - predicted[i];
            squared += error * error;
            absolute += Math.Abs(error);
            total += (actual[i] - mean) * (actual[i] - mean);
        }

        var r2 = total == 0 ? (squared == 0 ? 1.0 : 0.0) : 1.0 - (squared / total);
        return new RegressionMetrics(actual.Length, Math.Sqrt(squared / actual.Length), absolute / actual.Length, r2);
    }
}
