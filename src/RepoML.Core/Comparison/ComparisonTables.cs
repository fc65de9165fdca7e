using RepoML.Core.Reports;

namespace RepoML.Core.Comparison;

/// <summary>The comparison's detail tables (per-class metrics, confusion matrices, calibration, how each model was made), shared by
/// the Markdown and HTML reports.</summary>
public static class ComparisonTables
{
    public static ReportTable PerClass(ClassificationDetail candidate, ClassificationDetail? baseline)
    {
        var rows = candidate.PerClass.Select((c, i) =>
        {
            var b = baseline?.PerClass.ElementAtOrDefault(i);
            return (IReadOnlyList<string>)[c.Class, V(c.Precision), V(b?.Precision), V(c.Recall), V(b?.Recall), V(c.F1), V(b?.F1),
                c.Support.ToString("N0", CultureInfo.InvariantCulture)];
        }).ToList();
        return new(["class", "precision (candidate)", "precision (baseline)", "recall (candidate)", "recall (baseline)", "F1 (candidate)",
            "F1 (baseline)", "support"], rows, new HashSet<int> { 1, 2, 3, 4, 5, 6, 7 });
    }

    public static ReportTable Confusion(ClassificationDetail detail) => new(
        ["actual ↓ / predicted →", .. detail.Classes],
        [.. detail.Classes.Select((c, i) => (IReadOnlyList<string>)[c, .. detail.Confusion[i].Select(n => n.ToString("N0", CultureInfo.InvariantCulture))])],
        new HashSet<int>(Enumerable.Range(1, detail.Classes.Count)));

    public static ReportTable Calibration(ClassificationDetail candidate, ClassificationDetail? baseline)
    {
        var bins = candidate.Calibration.Select(b => b.Low).Union(baseline?.Calibration.Select(b => b.Low) ?? []).Order().ToList();
        return new(["predicted probability", "mean predicted (candidate)", "observed (candidate)", "rows (candidate)", "observed (baseline)",
            "rows (baseline)"],
            [.. bins.Select(low =>
            {
                var c = candidate.Calibration.FirstOrDefault(b => b.Low == low);
                var b = baseline?.Calibration.FirstOrDefault(x => x.Low == low);
                return (IReadOnlyList<string>)[string.Create(CultureInfo.InvariantCulture, $"[{low:0.0}, {low + (1.0 / ClassificationDetail.CalibrationBins):0.0})"),
                    V(c?.MeanPredicted), V(c?.Observed), c?.Count.ToString(CultureInfo.InvariantCulture) ?? "0", V(b?.Observed),
                    b?.Count.ToString(CultureInfo.InvariantCulture) ?? (baseline is null ? "n/a" : "0")];
            })],
            new HashSet<int> { 1, 2, 3, 4, 5 });
    }

    /// <summary>How each model was made, side by side, changed rows marked; null when neither model has facts.</summary>
    public static ReportTable? Facts(ModelSummary candidate, ModelSummary? baseline)
    {
        if (candidate.Facts is null && baseline?.Facts is null) { return null; }
        var c = (candidate.Facts ?? []).ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
        var b = (baseline?.Facts ?? []).ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
        var names = (candidate.Facts ?? []).Select(f => f.Name).Concat((baseline?.Facts ?? []).Select(f => f.Name)).Distinct().ToList();
        // Changed: both models record it and differ. A fact only one records (a run's inputs when the other is a folder) is not a change.
        var changed = names.Select(n => c.ContainsKey(n) && b.ContainsKey(n) && c[n] != b[n]).ToList();
        string Note(string n, int i) => changed[i] ? "changed" : baseline is null || (c.ContainsKey(n) && b.ContainsKey(n)) ? ""
            : c.ContainsKey(n) ? "candidate only" : "baseline only";
        return new(["", "candidate", "baseline", ""],
            [.. names.Select((n, i) => (IReadOnlyList<string>)[n, c.GetValueOrDefault(n) ?? "—", baseline is null ? "n/a" : b.GetValueOrDefault(n) ?? "—",
                Note(n, i)])],
            new HashSet<int>(),
            [.. changed.Select(x => x ? "changed" : null)]);
    }

    /// <summary>The threshold sentence for a binary model, e.g. "positive when P(good) ≥ 0.5012 (highest negative 0.4987)".</summary>
    public static string? Threshold(string who, ClassificationDetail? detail) => detail?.Threshold is not { } t ? null :
        $"{who}: predicts {detail.Classes[1]} from P({detail.Classes[1]}) ≥ {V(t.LowestPositive)}; the highest probability it " +
        $"predicted {detail.Classes[0]} for was {V(t.HighestNegative)}.";

    private static string V(double? value) => ReportFormat.Value(value);
}
