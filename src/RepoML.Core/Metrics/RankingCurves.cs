namespace RepoML.Core.Metrics;

/// <summary>ROC AUC and average precision from one descending sort, tied scores grouped as scikit-learn's <c>_binary_clf_curve</c> does.</summary>
internal static class RankingCurves
{
    /// <returns>ROC AUC (trapezoids; NaN when only one class is present) and average precision (NaN without positives).</returns>
    public static (double RocAuc, double AveragePrecision) Areas(ReadOnlySpan<bool> actual, ReadOnlySpan<double> score)
    {
        var n = actual.Length;
        var keys = new double[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = -score[i];
            order[i] = i;
        }

        Array.Sort(keys, order);

        var positives = 0;
        foreach (var a in actual)
        {
            positives += a ? 1 : 0;
        }

        var negatives = n - positives;
        double tp = 0, fp = 0, prevTp = 0, prevFp = 0, area = 0, ap = 0;
        for (var i = 0; i < n;)
        {
            // One threshold per distinct score: every row tied at this score moves together.
            var j = i;
            while (j < n && keys[j] == keys[i])
            {
                if (actual[order[j]]) { tp++; } else { fp++; }
                j++;
            }

            area += (fp - prevFp) * (tp + prevTp) / 2.0;
            if (positives > 0)
            {
                ap += (tp - prevTp) * (tp / (tp + fp));
            }

            prevTp = tp;
            prevFp = fp;
            i = j;
        }

        var rocAuc = positives == 0 || negatives == 0 ? double.NaN : area / ((double)positives * negatives);
        return (rocAuc, positives == 0 ? double.NaN : ap / positives);
    }
}
