using RepoML.Core.Profiles;

namespace RepoML.Training.Schema;

/// <summary>Column roles for training: the label, its classes, and the features with their kinds.</summary>
/// <param name="Classes">Binary: [negative, positive]; multiclass: every class in score-column order; regression: empty.</param>
public sealed record TrainingSchema(MlTask Task, string Label, IReadOnlyList<string> Classes, IReadOnlyList<FeatureColumn> Features)
{
    /// <summary>Output and internal column names a feature may not use.</summary>
    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string>(StringComparer.Ordinal) { "PredictedLabel", "Score",
        "Probability" };

    /// <summary>
    /// Declared roles win; otherwise every column but the label is a feature, numeric when every non-empty cell
    /// parses as a number (cells spelled as missing, such as NA, are
    /// missing numbers: see <see cref="MissingCell"/>), categorical otherwise. Declared categorical columns are one-hot even when numeric.
    /// </summary>
    public static TrainingSchema Infer(CsvTable table, MlTask task, string label, IReadOnlyList<string>? features = null,
        IReadOnlyList<string>? categorical = null)
    {
        if (table.Rows.Count == 0)
        {
            throw new TrainingDataException($"{table.Source}: no data rows after the header");
        }

        var labelIndex = table.ColumnIndex(label);
        foreach (var name in categorical ?? [])
        {
            table.ColumnIndex(name);
        }

        // A column with neither a name nor a value is what a trailing comma on every line makes: not a feature.
        var names = features is { Count: > 0 } ? features
            : [.. table.Header.Where((h, i) => h != label && !(h.Length == 0 && table.Rows.All(r => r[i].Trim().Length == 0)))];
        if (names.Contains(label))
        {
            throw new TrainingDataException($"column '{label}' is the label and cannot also be a feature");
        }

        var columns = names.Select(name =>
        {
            if (ReservedNames.Contains(name) || name.StartsWith("__", StringComparison.Ordinal))
            {
                throw new TrainingDataException($"column '{name}' has a name reserved for model outputs; rename it");
            }

            var index = table.ColumnIndex(name);
            if (name.Length == 0)
            {
                throw new TrainingDataException($"{table.Source}: column {index + 1} has no name in the header; name it, or list the features to train on");
            }

            var numeric = categorical?.Contains(name) != true && table.Rows.All(r => MissingCell.Is(r[index]) || IsNumber(r[index]));
            return numeric
                ? new FeatureColumn(name, FeatureEncoding.Numeric)
                : new FeatureColumn(name, FeatureEncoding.Categorical, [.. table.Rows.Select(r => r[index]).Distinct(StringComparer.Ordinal)]);
        }).ToList();

        if (columns.Count == 0)
        {
            throw new TrainingDataException($"{table.Source}: no feature columns besides the label '{label}'");
        }

        return new TrainingSchema(task, label, ReadClasses(table, task, labelIndex), columns);
    }

    public static bool IsNumber(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    internal static IReadOnlyList<string> ReadClasses(CsvTable table, MlTask task, int labelIndex)
    {
        var label = table.Header[labelIndex];
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var cell = table.Rows[r][labelIndex];
            if (cell.Trim().Length == 0)
            {
                throw new TrainingDataException($"{table.Source}:{table.LineNumbers[r]}: the label '{label}' is empty");
            }

            if (task == MlTask.Regression && !IsNumber(cell))
            {
                throw new TrainingDataException($"{table.Source}:{table.LineNumbers[r]}: the label '{label}' must be numeric for " +
                    $"regression, found '{cell}'");
            }
        }

        if (task == MlTask.Regression)
        {
            return [];
        }

        var distinct = table.Rows.Select(r => r[labelIndex]).Distinct(StringComparer.Ordinal).OrderBy(v => v, ClassOrder.Instance).ToList();
        if (task == MlTask.Binary && distinct.Count != 2)
        {
            // Quoted, so values that differ only in spaces ("no" and "no ") show as different.
            throw new TrainingDataException($"{table.Source}: a binary task needs exactly two values in '{label}', found {distinct.Count}: " +
                $"{string.Join(", ", distinct.Take(10).Select(v => $"'{v}'"))}");
        }

        if (task == MlTask.Multiclass && distinct.Count < 2)
        {
            throw new TrainingDataException($"{table.Source}: a multiclass task needs at least two values in '{label}', found {distinct.Count}");
        }

        return distinct;
    }
}
