using RepoML.Core.Scoring;

namespace RepoML.Onnx;

/// <summary>
/// Which table columns fill each model input. An input one value per row wide takes the column of its name (what
/// RepoML's own models have). A wider input with no column of its name ([N,4], as skl2onnx exports a model fitted on a
/// feature matrix, or a PyTorch model's one input) takes every column that no input is named after, in the data's
/// order, when there are exactly as many as its row holds. Columns with an empty name (a pandas index, or the label
/// that evaluate hides) never fill one.
/// </summary>
internal static class ScorerColumns
{
    /// <returns>For each input, in order, the indexes of the columns that fill one of its rows.</returns>
    /// <exception cref="ScoringInputException">An input has no column, or its row cannot be filled from the columns left.</exception>
    public static int[][] Resolve(IReadOnlyList<ModelTensor> inputs, IReadOnlyList<string> columns)
    {
        var result = new int[inputs.Count][];
        var missing = new List<string>();
        var wide = new List<int>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var column = IndexOf(columns, input.Name);
            if (input.RowWidth == 1)
            {
                result[i] = [column];
                if (column < 0)
                {
                    missing.Add($"'{input.Name}'");
                }
            }
            else if (column >= 0 || input.RowWidth < 1)
            {
                throw new ScoringInputException($"model input {input} takes {(input.RowWidth < 1 ? "a row of no fixed size" : $"{input.RowWidth} values per row")}, " +
                    $"which {(column >= 0 ? $"its column '{input.Name}' cannot hold" : "table columns cannot fill")}");
            }
            else
            {
                wide.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            throw new ScoringInputException($"the data has no column for model input(s) {string.Join(", ", missing)}; columns: {string.Join(", ", columns)}");
        }

        if (wide.Count == 0)
        {
            return result;
        }

        var names = inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var rest = Enumerable.Range(0, columns.Count).Where(c => columns[c].Length > 0 && !names.Contains(columns[c])).ToArray();
        var first = inputs[wide[0]];
        if (wide.Count > 1 || rest.Length != first.RowWidth)
        {
            throw new ScoringInputException(wide.Count > 1
                ? $"model inputs {string.Join(", ", wide.Select(w => $"'{inputs[w].Name}'"))} each take several values per row; table columns fill at most one of them"
                : $"model input {first} takes {first.RowWidth} values per row, from the columns no input is named after; the data has " +
                  $"{rest.Length} ({string.Join(", ", rest.Select(c => columns[c]))})");
        }

        result[wide[0]] = rest;
        return result;
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
