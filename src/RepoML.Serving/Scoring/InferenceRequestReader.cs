namespace RepoML.Serving.Scoring;

/// <summary>
/// Reads an Open Inference Protocol (v2) inference request for one model:
/// <c>{"id"?, "parameters"?, "inputs": [{"name", "shape", "datatype", "parameters"?, "data"}], "outputs"?: [{"name"}]}</c>.
/// Data may be flat (row-major) or nested; it must hold exactly the shape's element count.
/// </summary>
public static class InferenceRequestReader
{
    public static (string? Id, IReadOnlyList<OnnxTensor> Inputs, IReadOnlyList<string> Outputs) Read(JsonElement body, OnnxServingSession model)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new RequestShapeException("$", "expected an inference request object");
        }

        var id = body.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        if (!body.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Array)
        {
            throw new RequestShapeException("inputs", "expected an array of input tensors");
        }

        var tensors = new List<OnnxTensor>();
        var i = 0;
        foreach (var input in inputs.EnumerateArray())
        {
            tensors.Add(ReadInput(input, $"inputs[{i++}]", model));
        }

        if (model.Inputs.FirstOrDefault(m => tensors.All(t => t.Name != m.Name)) is { } missing)
        {
            throw new RequestShapeException("inputs", $"model input '{missing.Name}' is missing");
        }

        var outputs = new List<string>();
        if (body.TryGetProperty("outputs", out var requested) && requested.ValueKind == JsonValueKind.Array)
        {
            var o = 0;
            foreach (var output in requested.EnumerateArray())
            {
                var name = output.ValueKind == JsonValueKind.Object && output.TryGetProperty("name", out var n) ? n.GetString() : null;
                if (name is null || model.Outputs.All(m => m.Name != name || m.DataType is null))
                {
                    throw new RequestShapeException($"outputs[{o}].name",
                        $"the model has no tensor output '{name}'; outputs: {string.Join(", ", model.Outputs.Select(m => m.Name))}");
                }

                outputs.Add(name);
                o++;
            }
        }

        return (id, tensors, outputs.Count > 0 ? outputs : [.. model.Outputs.Where(m => m.DataType is not null).Select(m => m.Name)]);
    }

    private static OnnxTensor ReadInput(JsonElement input, string field, OnnxServingSession model)
    {
        var name = input.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()!
            : throw new RequestShapeException($"{field}.name", "is missing");
        var info = model.Inputs.FirstOrDefault(m => m.Name == name)
            ?? throw new RequestShapeException($"{field}.name",
                $"the model has no input '{name}'; inputs: {string.Join(", ", model.Inputs.Select(m => m.Name))}");
        var type = input.TryGetProperty("datatype", out var d) ? TensorJson.ParseDataType(d.GetString()) : null;
        if (type is null)
        {
            throw new RequestShapeException($"{field}.datatype",
                "expected one of BOOL, UINT8, UINT16, UINT32, UINT64, INT8, INT16, INT32, INT64, FP16, FP32, FP64, BYTES");
        }

        if (info.DataType != type)
        {
            throw new RequestShapeException($"{field}.datatype",
                $"model input '{name}' is {(info.DataType is { } t ? TensorJson.DataTypeName(t) : "not a tensor")}, got " +
                $"{TensorJson.DataTypeName(type.Value)}");
        }

        if (!input.TryGetProperty("shape", out var s) || s.ValueKind != JsonValueKind.Array || s.EnumerateArray().Any(x
            => !x.TryGetInt64(out var v) || v < 0))
        {
            throw new RequestShapeException($"{field}.shape", "expected an array of non-negative integers");
        }

        long[] shape = [.. s.EnumerateArray().Select(x => x.GetInt64())];
        if (shape.Length != info.Shape.Count || shape.Zip(info.Shape).Any(p => p.Second >= 0 && p.First != p.Second))
        {
            throw new RequestShapeException($"{field}.shape",
                $"[{string.Join(',', shape)}] does not fit model input '{name}' [{string.Join(',', info.Shape)}]");
        }

        var count = shape.Aggregate(1L, (a, b) => a * b);
        if (!input.TryGetProperty("data", out var data))
        {
            throw new RequestShapeException($"{field}.data", "is missing");
        }

        var cells = new List<JsonElement>();
        Flatten(data, cells, count, $"{field}.data");
        if (cells.Count != count)
        {
            throw new RequestShapeException($"{field}.data", $"has {cells.Count} values; shape [{string.Join(',', shape)}] needs {count}");
        }

        var target = OnnxTensor.NewArray(type.Value, (int)count);
        var column = new TableInput(name, type, info.Shape, 1);
        for (var k = 0; k < cells.Count; k++)
        {
            try
            {
                CellWriter.Write(target, k, cells[k], column);
            }
            catch (CellValueException ex)
            {
                throw ex.At($"{field}.data[{k}]");
            }
        }

        return new OnnxTensor(name, type.Value, shape, target);
    }

    private static void Flatten(JsonElement element, List<JsonElement> cells, long limit, string field)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            cells.Add(element);
            return;
        }

        foreach (var item in element.EnumerateArray())
        {
            if (cells.Count > limit)
            {
                throw new RequestShapeException(field, $"has more than the {limit} values its shape needs");
            }

            Flatten(item, cells, limit, field);
        }
    }
}
