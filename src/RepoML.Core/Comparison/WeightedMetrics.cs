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
    private readonly int[] group = [];
    private readonly int groups;

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
            loss[i] = set.Task == MlTask.Binary ? BinaryLoss(set.ActualClass[i] == 1,
                set.Probabilities[i]) : MulticlassLoss(set.Probabilities.AsSpan(i * set.Width, set.Width), set.ActualClass[i]);
        }

        if (set.Task == MlTask.Binary)
        {
            (group, groups) = ScoreGroups(set.Probabilities);
        }
    }

    /// <summary>Metric names, in the order <see cref="Evaluate"/> returns them.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Per-thread working memory for <see cref="Evaluate"/>: positives and negatives per distinct score.</summary>
    public int[] CreateScratch() => new int[2 * groups];

    /// <summary>Writes the metrics of the resample in which row i appears <paramref name="counts"/>[i] times.</summary>
    /// <param name="scratch">From <see cref="CreateScratch"/>, all zero; left all zero.</param>
    public void Evaluate(ReadOnlySpan<int> counts, Span<double> values, Span<int> scratch)
    {
        switch (set.Task)
        {
            case MlTask.Binary:
                Binary(counts, values, scratch);
                break;
            case MlTask.Multiclass:
                Multiclass(counts, values);
                break;
            default:
                Regression(counts, values);
                break;
        }
    }

    // One sequential pass over the rows fills the confusion counts and the positives/negatives per distinct score
    // (descending); one pass over the scores then gives both areas, as scikit-learn's threshold walk does.
    private void Binary(ReadOnlySpan<int> counts, Span<double> values, Span<int> scratch)
    {
        long tp = 0, fp = 0, tn = 0, fn = 0;
        double lossSum = 0;
        var actual = set.ActualClass;
        var predicted = set.PredictedClass;
        var positivesAt = scratch[..groups];
        var negativesAt = scratch[groups..];
        for (var i = 0; i < counts.Length; i++)
        {
            var c = counts[i];
            if (c == 0)
            {
                continue;
            }

            lossSum += c * loss[i];
            if (actual[i] == 1)
            {
                positivesAt[group[i]] += c;
                if (predicted[i] == 1) { tp += c; } else { fn += c; }
            }
            else
            {
                negativesAt[group[i]] += c;
                if (predicted[i] == 1) { fp += c; } else { tn += c; }
            }
        }

        double n = tp + fp + tn + fn, positives = tp + fn, negatives = fp + tn;
        double cumTp = 0, cumFp = 0, area = 0, ap = 0;
        for (var g = 0; g < groups; g++)
        {
            var (p, q) = (positivesAt[g], negativesAt[g]);
            if (p + q == 0)
            {
                continue; // the resample holds no row with this score: no threshold here
            }

            positivesAt[g] = 0;
            negativesAt[g] = 0;
            var (prevTp, prevFp) = (cumTp, cumFp);
            cumTp += p;
            cumFp += q;
            area += (cumFp - prevFp) * (cumTp + prevTp) / 2.0;
            ap += p * (cumTp / (cumTp + cumFp));
        }

        values[0] = (tp + tn) / n;
        values[1] = Ratio(tp, tp + fp);
        values[2] = Ratio(tp, tp + fn);
        values[3] = Ratio(2.0 * tp, (2.0 * tp) + fp + fn);
        values[4] = positives == 0 || negatives == 0 ? double.NaN : area / (positives * negatives);
        values[5] = positives == 0 ? double.NaN : ap / positives;
        values[6] = lossSum / n;
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

    /// <summary>Each row's rank among the distinct scores, highest first (tied rows share one), and how many there are.</summary>
    private static (int[] Group, int Count) ScoreGroups(double[] score)
    {
        var keys = score.Select(s => -s).ToArray();
        var order = Enumerable.Range(0, score.Length).ToArray();
        Array.Sort(keys, order);
        var result = new int[score.Length];
        var g = -1;
        for (var k = 0; k < keys.Length; k++)
        {
            g += k == 0 || keys[k] != keys[k - 1] ? 1 : 0;
            result[order[k]] = g;
        }

        return (result, g + 1);
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
