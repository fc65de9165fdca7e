namespace RepoML.Core.Metrics;

/// <summary>Multiclass metrics, computed as scikit-learn does. Classes are indexes 0..K-1.</summary>
/// <param name="MacroF1">Unweighted mean of per-class F1 over the classes present in actual or predicted labels
/// (<c>f1_score(average="macro")</c>).</param>
/// <param name="LogLoss">NaN when no probabilities were given.</param>
public sealed record MulticlassMetrics(int Count, double Accuracy, double MacroF1, double LogLoss)
{
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [MetricNames.Accuracy] = Accuracy,
        [MetricNames.MacroF1] = MacroF1,
        [MetricNames.LogLoss] = LogLoss,
    };

    /// <param name="probabilities">Row-major probabilities, <paramref name="classCount"/> per row, or empty to skip log loss.</param>
    public static MulticlassMetrics Compute(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, ReadOnlySpan<double> probabilities, int classCount)
    {
        if (actual.Length != predicted.Length || actual.IsEmpty)
        {
            throw new ArgumentException("actual and predicted must be non-empty and of the same length");
        }

        if (!probabilities.IsEmpty && probabilities.Length != actual.Length * classCount)
        {
            throw new ArgumentException("probabilities must hold classCount values per row", nameof(probabilities));
        }

        var truePositives = new int[classCount];
        var actualCounts = new int[classCount];
        var predictedCounts = new int[classCount];
        var correct = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var (a, p) = (actual[i], predicted[i]);
            if ((uint)a >= (uint)classCount || (uint)p >= (uint)classCount)
            {
                throw new ArgumentOutOfRangeException(nameof(actual), $"row {i}: class index outside 0..{classCount - 1}");
            }

            actualCounts[a]++;
            predictedCounts[p]++;
            if (a == p)
            {
                correct++;
                truePositives[a]++;
            }
        }

        double f1Sum = 0;
        var present = 0;
        for (var c = 0; c < classCount; c++)
        {
            if (actualCounts[c] + predictedCounts[c] == 0)
            {
                continue;
            }

            present++;
            f1Sum += 2.0 * truePositives[c] / (actualCounts[c] + predictedCounts[c]);
        }

        var logLoss = probabilities.IsEmpty ? double.NaN : LogLosses.Multiclass(actual, probabilities, classCount);
        return new MulticlassMetrics(actual.Length, (double)correct / actual.Length, f1Sum / present, logLoss);
    }
}
