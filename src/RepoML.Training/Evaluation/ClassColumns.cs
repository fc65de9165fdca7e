using RepoML.Core.Scoring;

namespace RepoML.Training.Evaluation;

/// <summary>
/// Which class each column of a foreign classifier's probability output is, where no model-info.json says: learnt from
/// the model's own label output (the class it names for a row is the column with the highest probability), the columns
/// no row decided taking the data's remaining classes in class order (scikit-learn orders its columns by sorted class).
/// </summary>
public static class ClassColumns
{
    /// <param name="probabilities">The probability output, one column per class.</param>
    /// <param name="labels">The model's label output, if it has one.</param>
    /// <param name="dataClasses">The label column's classes, in class order.</param>
    /// <exception cref="TrainingDataException">The label output contradicts itself, or the columns and classes do not match.</exception>
    public static IReadOnlyList<string> Infer(ScoredTensor probabilities, ScoredTensor? labels, IReadOnlyList<string> dataClasses)
    {
        var width = probabilities.RowWidth;
        if (labels is null && dataClasses.Count != width)
        {
            throw new TrainingDataException($"output '{probabilities.Name}' has {width} columns but the data has {dataClasses.Count} classes, and the " +
                "model has no label output to tell which column is which class");
        }

        var columns = new string?[width];
        for (var r = 0; labels is not null && r < probabilities.Rows; r++)
        {
            var best = 0;
            var tied = false;
            for (var c = 1; c < width; c++)
            {
                var (value, top) = (probabilities.NumberAt(r, c), probabilities.NumberAt(r, best));
                tied = value == top || (tied && value < top);
                best = value > top ? c : best;
            }

            var label = labels.TextAt(r);
            if (tied || columns[best] == label)
            {
                continue;
            }

            if (columns[best] is not null || Array.IndexOf(columns, label) >= 0)
            {
                throw new TrainingDataException($"cannot tell which class each column of output '{probabilities.Name}' is: output '{labels.Name}' " +
                    $"names '{label}' for row {r}, whose highest probability is in column {best} ('{columns[best] ?? "?"}')");
            }

            columns[best] = label;
        }

        var named = columns.OfType<string>().ToList();
        if (named.Count > 0 && !named.Any(dataClasses.Contains))
        {
            throw new TrainingDataException($"output '{labels!.Name}' names classes ({string.Join(", ", named.Order(StringComparer.Ordinal))}) that the " +
                $"label column does not have ({string.Join(", ", dataClasses.Take(10))}): is --label the column the model was trained on?");
        }

        var rest = new Queue<string>(dataClasses.Where(c => Array.IndexOf(columns, c) < 0));
        return [.. columns.Select((c, i) => c ?? (rest.TryDequeue(out var next) ? next : $"class {i}"))];
    }
}
