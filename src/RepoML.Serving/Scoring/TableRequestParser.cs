namespace RepoML.Serving.Scoring;

/// <summary>
/// Reads Azure ML <c>/score</c> bodies into a <see cref="TableBatch"/> for one model:
/// <c>{"input_data": {"columns": [...], "index": [...], "data": [[...]]}}</c> (pandas split orientation),
/// <c>{"data": [[...]]}</c> (cells in model input order, or a single wide input's values) and <c>{"data": [{"col": v}]}</c>.
/// </summary>
public static class TableRequestParser
{
    public static TableBatch Parse(JsonElement body, TableModel model)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new RequestShapeException("$", $"expected a JSON object with 'input_data' or 'data', got {Kind(body)}");
        }

        if (body.TryGetProperty("input_data", out var inputData))
        {
            if (inputData.ValueKind == JsonValueKind.Array)
            {
                return Rows(inputData, "input_data", null, model);
            }

            if (inputData.ValueKind != JsonValueKind.Object)
            {
                throw new RequestShapeException("input_data", $"expected an object with 'columns' and 'data', got {Kind(inputData)}");
            }

            if (!inputData.TryGetProperty("data", out var data))
            {
                throw new RequestShapeException("input_data.data", "is missing");
            }

            var columns = inputData.TryGetProperty("columns", out var columnsElement) ? Columns(columnsElement, model) : null;

            return Rows(data, "input_data.data", columns, model);
        }

        if (body.TryGetProperty("data", out var rows))
        {
            return Rows(rows, "data", null, model);
        }

        throw new RequestShapeException("$", "expected 'input_data' (columns, index, data) or 'data' (rows)");
    }

    private const long SmallClaim = 1 << 20;

    private static TableBatch Rows(JsonElement data, string field, string[]? columns, TableModel model)
    {
        if (data.ValueKind != JsonValueKind.Array)
        {
            throw new RequestShapeException(field, $"expected an array of rows, got {Kind(data)}");
        }

        var count = data.GetArrayLength();
        if (count == 0)
        {
            throw new RequestShapeException(field, "has no rows");
        }

        var inputs = model.Inputs;
        if (model.Unfillable is { } odd)
        {
            throw new RequestShapeException(field, odd.DataType is null
                ? $"model input '{odd.Name}' is {odd.KindWithArticle}, which neither table rows nor the v2 inference protocol can carry"
                : $"model input '{odd.Name}' cannot be filled from table rows; use /v2/models/{{name}}/infer");
        }

        if (!model.RowByRow && inputs.FirstOrDefault(i => i.FixedRows is { } rows && rows != count) is { } fixedBy)
        {
            throw new RequestShapeException(field, $"has {count} row(s); model input '{fixedBy.Name}' [{string.Join(',', fixedBy.Shape)}] takes exactly " +
                $"{fixedBy.FixedRows}{(model.RowConflict is { } conflict ? $" ({conflict}: use /v2/models/{{name}}/infer)" : "")}");
        }

        var wide = inputs.Count == 1 && (inputs[0].RowWidth > 1 || inputs[0].VariableRow);
        var positions = columns is null || wide ? null : Positions(columns, model);
        var widths = model.Inputs.Any(i => i.VariableRow) ? Widths(data[0], field, inputs, wide, positions) : null;
        // Rows × widths is the caller's claim until the rows are read: a few bytes of empty rows must not allocate gigabytes (or wrap
        // past int). Every value takes at least one byte of the data, so more values than its bytes cannot all be there. (Small claims
        // are left to the rows themselves, whose errors say which row and input fall short.)
        var values = Enumerable.Range(0, inputs.Count).Sum(i => (long)count * (widths?[i] ?? inputs[i].RowWidth));
        var room = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(data).Length;
        if (values > room && values > SmallClaim)
        {
            throw new RequestShapeException(field, $"has {count} row(s), which need {values} values in all; its {room} bytes cannot hold them");
        }

        var targets = new Array[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            targets[i] = Onnx.OnnxTensor.NewArray(inputs[i].DataType!.Value, count * (widths?[i] ?? inputs[i].RowWidth));
        }

        var r = 0;
        foreach (var row in data.EnumerateArray())
        {
            if (row.ValueKind == JsonValueKind.Object)
            {
                for (var i = 0; i < inputs.Count; i++)
                {
                    if (!row.TryGetProperty(inputs[i].Name, out var cell))
                    {
                        throw new RequestShapeException($"{field}[{r}]", $"has no field '{inputs[i].Name}' (a model input)");
                    }

                    RowCells.Write(targets[i], r, cell, inputs[i], widths?[i] ?? inputs[i].RowWidth, field, r, $".{inputs[i].Name}");
                }
            }
            else if (row.ValueKind == JsonValueKind.Array && wide)
            {
                // A single wide input takes the whole row: its values, flat or nested as the tensor's dimensions.
                RowCells.Write(targets[0], r, row, inputs[0], widths?[0] ?? inputs[0].RowWidth, field, r, "");
            }
            else if (row.ValueKind == JsonValueKind.Array)
            {
                var length = row.GetArrayLength();
                var expected = positions?.Length > 0 ? columns!.Length : inputs.Count;
                if (length != expected)
                {
                    throw new RequestShapeException($"{field}[{r}]", $"has {length} values; expected {expected} ({Describe(inputs, columns)})");
                }

                for (var i = 0; i < inputs.Count; i++)
                {
                    var p = positions?[i] ?? i;
                    RowCells.Write(targets[i], r, row[p], inputs[i], widths?[i] ?? inputs[i].RowWidth, field, r, $"[{p}] ({inputs[i].Name})");
                }
            }
            else
            {
                throw new RequestShapeException($"{field}[{r}]", $"expected a row (array or object), got {Kind(row)}");
            }

            r++;
        }

        return new TableBatch(count, targets, widths);
    }

    /// <summary>Each input's width for this request: a variable row's as its first row gives it (<see cref="RowCells.Width"/>), else its own.</summary>
    private static int[] Widths(JsonElement first, string field, IReadOnlyList<TableInput> inputs, bool wide, int[]? positions)
    {
        var widths = new int[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (!input.VariableRow)
            {
                widths[i] = input.RowWidth;
                continue;
            }

            var p = positions?[i] ?? i;
            var (cell, at) = wide ? (first, $"{field}[0]")
                : first.ValueKind == JsonValueKind.Object && first.TryGetProperty(input.Name, out var named) ? (named, $"{field}[0].{input.Name}")
                : first.ValueKind == JsonValueKind.Array && p < first.GetArrayLength() ? (first[p], $"{field}[0][{p}] ({input.Name})")
                : (default, $"{field}[0]");
            // A row without the cell is reported by the row loop, which says what the row lacks.
            widths[i] = cell.ValueKind == JsonValueKind.Undefined ? input.FixedWidth : RowCells.Width(cell, input, at);
        }

        return widths;
    }

    /// <summary>The request's column names: the last request's array when they are the same (compared as UTF-8, nothing decoded).</summary>
    private static string[] Columns(JsonElement element, TableModel model)
    {
        if (element.ValueKind == JsonValueKind.Array && model.LastLayout is { } last && SameNames(element, last.Columns))
        {
            return last.Columns;
        }

        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String))
        {
            throw new RequestShapeException("input_data.columns", "expected an array of column names");
        }

        return [.. element.EnumerateArray().Select(c => c.GetString()!)];
    }

    private static bool SameNames(JsonElement element, string[] names)
    {
        if (element.GetArrayLength() != names.Length)
        {
            return false;
        }

        var i = 0;
        foreach (var name in element.EnumerateArray())
        {
            if (name.ValueKind != JsonValueKind.String || !name.ValueEquals(names[i++]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Where each model input is among <paramref name="columns"/>; kept with them for the next request that sends the same.</summary>
    private static int[] Positions(string[] columns, TableModel model)
    {
        if (model.LastLayout is { } last && ReferenceEquals(last.Columns, columns))
        {
            return last.Positions;
        }

        var positions = ColumnPositions(columns, model.Inputs);
        model.LastLayout = new ColumnLayout(columns, positions);
        return positions;
    }

    private static int[] ColumnPositions(string[] columns, IReadOnlyList<TableInput> inputs)
    {
        var positions = new int[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            positions[i] = Array.IndexOf(columns, inputs[i].Name);
            if (positions[i] < 0)
            {
                throw new RequestShapeException("input_data.columns", $"has no column '{inputs[i].Name}', which the model needs");
            }
        }

        return positions;
    }

    private static string Describe(IReadOnlyList<TableInput> inputs, string[]? columns) =>
        columns is not null ? "one per column"
        : $"one per model input: {string.Join(", ", inputs.Select(i => i.Name))}";

    internal static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
