namespace RepoML.Serving.Scoring;

/// <summary>
/// Writes one row's value for one model input. An input one value wide takes a JSON value; a wider one (an image
/// [N,3,H,W], a feature vector [N,4]) takes an array of its row's values, flat or nested as the tensor's dimensions
/// (what <c>numpy.ndarray.tolist()</c> gives), row-major, and exactly as many as the row holds: a lone number for a
/// wide input would leave the rest of its row zero.
/// </summary>
public static class RowCells
{
    /// <param name="target">The input's values for every row (rows × width).</param>
    /// <param name="row">The row to write.</param>
    /// <param name="cell">The row's value for this input.</param>
    /// <param name="input">The model input.</param>
    /// <param name="width">Values per row: the input's <see cref="TableInput.RowWidth"/>, or the width the request settled for a variable row.</param>
    /// <param name="field">The request field holding the rows (e.g. <c>input_data.data</c>), to name a value that does not fit.</param>
    /// <param name="r">The row's index in the request.</param>
    /// <param name="suffix">Where the cell is within the row (<c>[2] (x)</c>, <c>.x</c>, or empty when the row is the cell).</param>
    /// <exception cref="RequestShapeException">The value does not fit the input.</exception>
    public static void Write(Array target, int row, JsonElement cell, TableInput input, int width, string field, int r, string suffix)
    {
        if (width == 1 && !input.VariableRow)
        {
            try
            {
                CellWriter.Write(target, row, cell, input);
            }
            catch (CellValueException ex)
            {
                throw ex.At($"{field}[{r}]{suffix}");
            }

            return;
        }

        if (cell.ValueKind != JsonValueKind.Array)
        {
            throw new RequestShapeException($"{field}[{r}]{suffix}", $"expected the {width} values of model input '{input.Name}' " +
                $"[{string.Join(',', input.Shape)}] for one row (an array, flat or nested), got {TableRequestParser.Kind(cell)}");
        }

        var count = Flatten(target, row * width, width, cell, input, 0, () => $"{field}[{r}]{suffix}");
        if (count != width)
        {
            throw new RequestShapeException($"{field}[{r}]{suffix}", $"has {count} values; expected {width} (input '{input.Name}' takes {width} values per row" +
                (input.VariableRow ? $": the rows of one request are equally long, as the first is)" : ")"));
        }
    }

    /// <summary>
    /// The width a variable-row input's first cell settles for its request (<see cref="TableInput.VariableRow"/>): its values at any depth,
    /// which must be a whole number of steps of the variable dimension.
    /// </summary>
    /// <exception cref="RequestShapeException">The cell is not an array, or is empty, or does not divide into steps.</exception>
    public static int Width(JsonElement cell, TableInput input, string field)
    {
        var count = cell.ValueKind == JsonValueKind.Array ? Count(cell) : 0;
        if (count == 0 || count % input.FixedWidth != 0)
        {
            throw new RequestShapeException(field, $"expected the values of model input '{input.Name}' [{string.Join(',', input.Shape)}] for one row: " +
                $"a non-empty array of a multiple of {input.FixedWidth} values, got {(cell.ValueKind == JsonValueKind.Array ? $"{count}" : TableRequestParser.Kind(cell))}");
        }

        return count;
    }

    private static int Count(JsonElement array) => array.EnumerateArray().Sum(item => item.ValueKind == JsonValueKind.Array ? Count(item) : 1);

    /// <returns>How many values <paramref name="array"/> holds at any depth (only the first <paramref name="width"/> are written).</returns>
    private static int Flatten(Array target, int offset, int width, JsonElement array, TableInput input, int written, Func<string> where)
    {
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = i++;
            if (item.ValueKind == JsonValueKind.Array)
            {
                written = Flatten(target, offset, width, item, input, written, () => $"{where()}[{at}]");
                continue;
            }

            if (written < width)
            {
                try
                {
                    CellWriter.Write(target, offset + written, item, input);
                }
                catch (CellValueException ex)
                {
                    throw ex.At($"{where()}[{at}]");
                }
            }

            written++;
        }

        return written;
    }
}
