namespace RepoML.Workflows.Comparison;

/// <summary>
/// Permutation importance of a scored model on at most <c>max_rows</c> evaluation rows (evenly spaced, so the
/// same rows for both models): each feature column is shuffled by Core's seeded permutations and rescored.
/// </summary>
public static class ImportanceRunner
{
    public static IReadOnlyList<FeatureImportance> Compute(ScoredModel model, CsvTable table, string metric, ComparePolicy policy)
    {
        if (policy.ImportanceRepeats <= 0)
        {
            return [];
        }

        var rows = Math.Min(policy.ImportanceMaxRows, table.Rows.Count);
        var subset = table.Select([.. Enumerable.Range(0, rows).Select(i => (int)((long)i * table.Rows.Count / rows))]);
        var features = model.Features.Where(f => subset.Header.Contains(f)).ToList();
        var reference = Metric(model, subset, metric);
        if (double.IsNaN(reference))
        {
            return [];
        }

        return PermutationImportance.Compute(
            features,
            rows,
            reference,
            MetricNames.GreaterIsBetter(metric),
            (f, permutation) =>
            {
                var column = subset.ColumnIndex(features[f]);
                var permuted = new string[rows][];
                for (var r = 0; r < rows; r++)
                {
                    permuted[r] = (string[])subset.Rows[r].Clone();
                    permuted[r][column] = subset.Rows[permutation[r]][column];
                }

                return Metric(model, subset with { Rows = permuted }, metric);
            },
            policy.ImportanceRepeats,
            policy.Seed);
    }

    private static double Metric(ScoredModel model, CsvTable table, string metric) =>
        ModelEvaluator.Evaluate(model.Scorer, table, model.Target).Metrics.TryGetValue(metric, out var value) ? value : double.NaN;
}
