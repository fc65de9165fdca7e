namespace RepoML.Core.Comparison;

/// <summary>Chart data for reports: ROC and precision–recall curves (binary) and residuals (regression), thinned to a few hundred points.</summary>
public static class Curves
{
    public const int MaxPoints = 200;

    /// <summary>ROC curve: (false positive rate, true positive rate) at each distinct score, from (0,0) to (1,1).</summary>
    public static IReadOnlyList<ChartPoint> Roc(PredictionSet set) => Thin(Walk(set, (tp, fp, p, n) => new ChartPoint(n == 0 ? 0 : fp / n,
        p == 0 ? 0 : tp / p), new ChartPoint(0, 0)));

    /// <summary>Precision–recall curve: (recall, precision) at each distinct score.</summary>
    public static IReadOnlyList<ChartPoint> PrecisionRecall(PredictionSet set) => Thin(Walk(set, (tp, fp, p, _)
        => new ChartPoint(p == 0 ? 0 : tp / p, tp + fp == 0 ? 1 : tp / (tp + fp)), null));

    /// <summary>Regression residuals: (prediction, truth − prediction) for evenly spaced rows.</summary>
    public static IReadOnlyList<ChartPoint> Residuals(PredictionSet set) =>
        Thin(Enumerable.Range(0, set.Rows).Select(i => new ChartPoint(set.PredictedValue[i], set.ActualValue[i] - set.PredictedValue[i])).ToList());

    private static List<ChartPoint> Walk(PredictionSet set, Func<double, double, double, double, ChartPoint> point, ChartPoint? first)
    {
        if (set.Task != MlTask.Binary)
        {
            return [];
        }

        var order = Enumerable.Range(0, set.Rows).OrderByDescending(i => set.Probabilities[i]).ToArray();
        double positives = set.ActualClass.Count(a => a == 1), negatives = set.Rows - positives, tp = 0, fp = 0;
        var points = first is { } f ? new List<ChartPoint> { f } : [];
        for (var k = 0; k < order.Length; k++)
        {
            if (set.ActualClass[order[k]] == 1) { tp++; } else { fp++; }
            if (k == order.Length - 1 || set.Probabilities[order[k + 1]] != set.Probabilities[order[k]])
            {
                points.Add(point(tp, fp, positives, negatives));
            }
        }

        return points;
    }

    private static List<ChartPoint> Thin(List<ChartPoint> points)
    {
        if (points.Count <= MaxPoints)
        {
            return points;
        }

        // Evenly spaced indexes, always keeping the first and last point.
        return Enumerable.Range(0, MaxPoints).Select(i => points[(int)Math.Round((double)i * (points.Count - 1) / (MaxPoints - 1))]).ToList();
    }
}
