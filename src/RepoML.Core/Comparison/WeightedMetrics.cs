using RepoML.Core.Metrics;

namespace RepoML.Core.Comparison;

/// <summary>
/// The task's metrics of one model on a bootstrap resample given as row counts, in O(rows): per-row losses and the
/// score order are computed once, so 1,000 resamples of 100,000 rows need no sort each. With integer counts the
/// values equal <see cref="PredictionSet.Metrics"/> on the expanded resample (tests hold both to 1e-9), i.e. the
/// scikit-learn definitions, tied scores grouped as <c>_binary_clf_curve</c> does.
/// </summary>
internal sealed class WeightedMetrics
{
    private const double Epsilon = 2.220446049250313e-16;
    private readonly PredictionSet set;
    private readonly double[] loss;
    private readonly int[] order = [];
    private readonly int[] groupEnds = [];

    public WeightedMetrics(PredictionSet predictions)
    {
        set = predictions;
        Names = MetricNames.ForTask(set.Task);
        loss = new double[set.Rows];
        if (set.Task == MlTask.Regression)
        {
            return;
        }

        for (var i = 0; i < set.Rows; i++)
        {
            loss[i] = set.Task == MlTask.Binary ? BinaryLoss(set.ActualClass[i] == 1, set.Probabilities[i]) : MulticlassLoss(set.Probabilities.AsSpan(i * set.Width, set.Width), set.ActualClass[i]);
        }

        if (set.Task == MlTask.Binary)
        {
            (order, groupEnds) = SortedGroups(set.Probabilities);
        }
    }

    /// <summary>Metric names, in the order <see cref="Evaluate"/> returns them.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Writes the metrics of the resample in which row i appears <paramref name="counts"/>[i] times.</summary>
    public void Evaluate(ReadOnlySpan<int> counts, Span<double> values)
    {
        switch (set.Task)
        {
            case MlTask.Binary:
                Binary(counts, values);
                break;
            case MlTask.Multiclass:
                Multiclass(counts, values);
                break;
            default:
                Regression(counts, values);
                break;
        }
    }

    private void Binary(ReadOnlySpan<int> counts, Span<double> values)
    {
        double tp = 0, fp = 0, tn = 0, fn = 0, lossSum = 0;
        var actual = set.ActualClass;
        var predicted = set.PredictedClass;
        for (var i = 0; i < counts.Length; i++)
        {
            var c = counts[i];
            if (c == 0)
            {
                continue;
            }

            lossSum += c * loss[i];
            if (predicted[i] == 1)
            {
                if (actual[i] == 1) { tp += c; } else { fp += c; }
            }
            else if (actual[i] == 1) { fn += c; }
            else { tn += c; }
        }

        var n = tp + fp + tn + fn;
        var (rocAuc, ap) = Areas(counts, tp + fn, fp + tn);
        values[0] = (tp + tn) / n;
        values[1] = Ratio(tp, tp + fp);
        values[2] = Ratio(tp, tp + fn);
        values[3] = Ratio(2 * tp, (2 * tp) + fp + fn);
        values[4] = rocAuc;
        values[5] = ap;
        values[6] = lossSum / n;
    }

    private (double RocAuc, double AveragePrecision) Areas(ReadOnlySpan<int> counts, double positives, double negatives)
    {
        double tp = 0, fp = 0, prevTp = 0, prevFp = 0, area = 0, ap = 0;
        var start = 0;
        var actual = set.ActualClass;
        foreach (var end in groupEnds)
        {
            for (var k = start; k < end; k++)
            {
                var row = order[k];
                if (actual[row] == 1) { tp += counts[row]; } else { fp += counts[row]; }
            }

            start = end;
            if (tp == prevTp && fp == prevFp)
            {
                continue; // the resample holds no row with this score: no threshold here
            }

            area += (fp - prevFp) * (tp + prevTp) / 2.0;
            ap += (tp - prevTp) * (tp / (tp + fp));
            prevTp = tp;
            prevFp = fp;
        }

        var rocAuc = positives == 0 || negatives == 0 ? double.NaN : area / (positives * negatives);
        return (rocAuc, positives == 0 ? double.NaN : ap / positives);
    }

    private void Multiclass(ReadOnlySpan<int> counts, Span<double> values)
    {
        var k = set.Width;
        Span<double> truePositives = stackalloc double[k];
        Span<double> actualCounts = stackalloc double[k];
        Span<double> predictedCounts = stackalloc double[k];
        truePositives.Clear();
        actualCounts.Clear();
        predictedCounts.Clear();
        double n = 0, correct = 0, lossSum = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var c = counts[i];
            if (c == 0)
            {
                continue;
            }

            var (a, p) = (set.ActualClass[i], set.PredictedClass[i]);
            n += c;
            lossSum += c * loss[i];
            actualCounts[a] += c;
            predictedCounts[p] += c;
            if (a == p)
            {
                correct += c;
                truePositives[a] += c;
            }
        }

        double f1Sum = 0;
        var present = 0;
        for (var c = 0; c < k; c++)
        {
            if (actualCounts[c] + predictedCounts[c] > 0)
            {
                present++;
                f1Sum += 2.0 * truePositives[c] / (actualCounts[c] + predictedCounts[c]);
            }
        }

        values[0] = correct / n;
        values[1] = f1Sum / present;
        values[2] = lossSum / n;
    }

    private void Regression(ReadOnlySpan<int> counts, Span<double> values)
    {
        double n = 0, sum = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            n += counts[i];
            sum += counts[i] * set.ActualValue[i];
        }

        var mean = sum / n;
        double squared = 0, absolute = 0, total = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var c = counts[i];
            if (c == 0)
            {
                continue;
            }

            var error = set.ActualValue[i] - set.PredictedValue[i];
            var spread = set.ActualValue[i] - mean;
            squared += c * error * error;
            absolute += c * Math.Abs(error);
            total += c * spread * spread;
        }

        values[0] = Math.Sqrt(squared / n);
        values[1] = absolute / n;
        values[2] = total == 0 ? (squared == 0 ? 1.0 : 0.0) : 1.0 - (squared / total);
    }

    /// <summary>Rows by descending score, and where each run of tied scores ends.</summary>
    private static (int[] Order, int[] GroupEnds) SortedGroups(double[] score)
    {
        var keys = score.Select(s => -s).ToArray();
        var order = Enumerable.Range(0, score.Length).ToArray();
        Array.Sort(keys, order);
        var ends = new List<int>();
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[i - 1])
            {
                ends.Add(i);
            }
        }

        return (order, ends.ToArray());
    }

    private static double BinaryLoss(bool actual, double probability)
    {
        var p1 = Clip(probability);
        var p0 = 1.0 - p1;
        return -Math.Log((actual ? p1 : p0) / (p0 + p1));
    }

    private static double MulticlassLoss(ReadOnlySpan<double> row, int actual)
    {
        double total = 0;
        foreach (var p in row)
        {
            total += Clip(p);
        }

        return -Math.Log(Clip(row[actual]) / total);
    }

    private static double Clip(double p) => double.IsNaN(p) ? p : Math.Clamp(p, Epsilon, 1.0 - Epsilon);

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? 0.0 : numerator / denominator;
}
