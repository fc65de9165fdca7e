namespace RepoML.Core.Metrics;

/// <summary>Binary-classification metrics, computed as scikit-learn does (positive class = true).</summary>
/// <param name="PrAuc">Average precision, as <c>sklearn.metrics.average_precision_score</c> (step-wise, no interpolation).</param>
/// <param name="LogLoss">Mean negative log-likelihood with probabilities clipped to [eps, 1-eps], eps = 2.22e-16.</param>
public sealed record BinaryMetrics(
    int Count,
    double Accuracy,
    double Precision,
    double Recall,
    double F1,
    double RocAuc,
    double PrAuc,
    double LogLoss)
{
    /// <summary>The metrics under their stable names (<see cref="MetricNames"/>), in a fixed order.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [MetricNames.Accuracy] = Accuracy,
        [MetricNames.Precision] = Precision,
        [MetricNames.Recall] = Recall,
        [MetricNames.F1] = F1,
        [MetricNames.RocAuc] = RocAuc,
        [MetricNames.PrAuc] = PrAuc,
        [MetricNames.LogLoss] = LogLoss,
    };

    /// <summary>
    /// Computes every binary metric. <paramref name="probability"/> is P(positive); it also ranks rows for the AUCs.
    /// <paramref name="predicted"/> defaults to <c>probability &gt;= 0.5</c>. O(n log n).
    /// </summary>
    public static BinaryMetrics Compute(ReadOnlySpan<bool> actual, ReadOnlySpan<double> probability, ReadOnlySpan<bool> predicted = default)
    {
        if (actual.Length != probability.Length || (!predicted.IsEmpty && predicted.Length != actual.Length))
        {
            throw new ArgumentException("actual, probability and predicted must have the same length");
        }

        if (actual.IsEmpty)
        {
            throw new ArgumentException("at least one row is needed", nameof(actual));
        }

        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var p = predicted.IsEmpty ? probability[i] >= 0.5 : predicted[i];
            if (p)
            {
                if (actual[i]) { tp++; } else { fp++; }
            }
            else if (actual[i]) { fn++; }
            else { tn++; }
        }

        var precision = Ratio(tp, tp + fp);
        var recall = Ratio(tp, tp + fn);
        var f1 = Ratio(2 * tp, (2 * tp) + fp + fn);
        var (rocAuc, prAuc) = RankingCurves.Areas(actual, probability);
        return new BinaryMetrics(
            actual.Length,
            (double)(tp + tn) / actual.Length,
            precision,
            recall,
            f1,
            rocAuc,
            prAuc,
            LogLosses.Binary(actual, probability));
    }

    // scikit-learn's zero_division default: an undefined ratio is reported as 0.
    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0.0 : (double)numerator / denominator;
}
