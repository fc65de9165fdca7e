namespace RepoML.Core.Comparison;

/// <summary>
/// What an ML engineer reads after the go/no-go: the confusion matrix (rows actual, columns predicted), per-class precision,
/// recall, F1 and support, a reliability (calibration) table, and for binary models the decision threshold the predictions imply.
/// </summary>
/// <param name="Confusion">Counts: <c>Confusion[actual][predicted]</c>, in <see cref="Classes"/> order.</param>
/// <param name="Calibration">Ten equal-width bins of the predicted probability (binary: of the positive class; multiclass: of the
/// predicted class), with the observed rate; empty bins left out.</param>
/// <param name="Threshold">Binary: the lowest probability predicted positive and the highest predicted negative; null otherwise.</param>
public sealed record ClassificationDetail(
    IReadOnlyList<string> Classes,
    IReadOnlyList<IReadOnlyList<int>> Confusion,
    IReadOnlyList<ClassMetrics> PerClass,
    IReadOnlyList<CalibrationBin> Calibration,
    ThresholdRange? Threshold)
{
    public const int CalibrationBins = 10;

    /// <summary>Null for regression.</summary>
    public static ClassificationDetail? Of(PredictionSet set)
    {
        if (set.Task == MlTask.Regression) { return null; }
        var k = set.Classes.Count;
        var confusion = new int[k][];
        for (var i = 0; i < k; i++) { confusion[i] = new int[k]; }
        for (var r = 0; r < set.Rows; r++) { confusion[set.ActualClass[r]][set.PredictedClass[r]]++; }
        var perClass = Enumerable.Range(0, k).Select(c =>
        {
            var tp = confusion[c][c];
            var predicted = confusion.Sum(row => row[c]);
            var support = confusion[c].Sum();
            var precision = predicted == 0 ? 0 : (double)tp / predicted;
            var recall = support == 0 ? 0 : (double)tp / support;
            return new ClassMetrics(set.Classes[c], precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall),
                support);
        }).ToList();
        return new ClassificationDetail(set.Classes, confusion, perClass, Calibrate(set), set.Task == MlTask.Binary ? Range(set) : null);
    }

    private static List<CalibrationBin> Calibrate(PredictionSet set)
    {
        var count = new int[CalibrationBins];
        var predicted = new double[CalibrationBins];
        var observed = new int[CalibrationBins];
        for (var r = 0; r < set.Rows; r++)
        {
            var (p, hit) = set.Task == MlTask.Binary
                ? (set.Probabilities[r], set.ActualClass[r] == 1)
                : (set.Probabilities[(r * set.Width) + set.PredictedClass[r]], set.ActualClass[r] == set.PredictedClass[r]);
            if (double.IsNaN(p)) { continue; }
            var bin = Math.Clamp((int)(p * CalibrationBins), 0, CalibrationBins - 1);
            count[bin]++;
            predicted[bin] += p;
            observed[bin] += hit ? 1 : 0;
        }

        return [.. Enumerable.Range(0, CalibrationBins).Where(b => count[b] > 0).Select(b => new CalibrationBin((double)b / CalibrationBins,
            (b + 1.0) / CalibrationBins, predicted[b] / count[b], (double)observed[b] / count[b], count[b]))];
    }

    private static ThresholdRange? Range(PredictionSet set)
    {
        var positives = Enumerable.Range(0, set.Rows).Where(r => set.PredictedClass[r] == 1).Select(r => set.Probabilities[r]).ToList();
        var negatives = Enumerable.Range(0, set.Rows).Where(r => set.PredictedClass[r] == 0).Select(r => set.Probabilities[r]).ToList();
        return new ThresholdRange(positives.Count == 0 ? null : positives.Min(), negatives.Count == 0 ? null : negatives.Max());
    }
}
