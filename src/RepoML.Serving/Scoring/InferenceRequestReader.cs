using System.Text.Json;
using RepoML.Onnx;

namespace RepoML.Serving.Scoring;

/// <summary>
/// Reads an Open Inference Protocol (v2) inference request for one model:
/// <c>{"id"?, "parameters"?, "inputs": [{"name", "shape", "datatype", "parameters"?, "data"}], "outputs"?: [{"name"}]}</c>.
/// Data may be flat (row-major) or nested; it must hold exactly the shape's element count.
/// </summary>
public static class InferenceRequestReader
{
    /// <returns>The request's id, its inputs in model order, and the outputs to return.</returns>
    public static (string? Id, OnnxTensor[] Inputs, IReadOnlyList<string> Outputs) Read(JsonElement body, OnnxServingSession model)
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

        var ordered = new OnnxTensor?[model.Inputs.Count];
        var i = 0;
        foreach (var input in inputs.EnumerateArray())
        {
            var (position, tensor) = ReadInput(input, i, model);
            InferenceInputs.Place(ordered, position, tensor, i++);
        }

        var tensors = InferenceInputs.RequireAll(model, ordered);
        var requested = new List<string?>();
        if (body.TryGetProperty("outputs", out var outputs) && outputs.ValueKind == JsonValueKind.Array)
        {
            requested.AddRange(outputs.EnumerateArray().Select(o =>
                o.ValueKind == JsonValueKind.Object && o.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null));
        }

        return (id, tensors, InferenceInputs.Outputs(model, requested));
    }

    private static (int Position, OnnxTensor Tensor) ReadInput(JsonElement input, int index, OnnxServingSession model)
    {
        var position = InferenceInputs.Input(model, input.ValueKind == JsonValueKind.Object && input.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null, index);
        var info = model.Inputs[position];
        var type = InferenceInputs.DataType(info, input.TryGetProperty("datatype", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null, index);
        if (!input.TryGetProperty("shape", out var s) || s.ValueKind != JsonValueKind.Array)
        {
            throw new RequestShapeException(InferenceInputs.Field(index, "shape"), "expected an array of non-negative integers");
        }

        var shape = new long[s.GetArrayLength()];
        var k = 0;
        foreach (var dim in s.EnumerateArray())
        {
            shape[k++] = dim.ValueKind == JsonValueKind.Number && dim.TryGetInt64(out var v) && v >= 0 ? v
                : throw new RequestShapeException(InferenceInputs.Field(index, "shape"), "expected an array of non-negative integers");
        }

        var count = InferenceInputs.ElementCount(info, shape, index);
        if (!input.TryGetProperty("data", out var data))
        {
            throw new RequestShapeException(InferenceInputs.Field(index, "data"), "is missing");
        }

        var cells = new List<JsonElement>(Math.Min(count, 1024)); // the shape is the caller's word, not yet checked against the data
        Flatten(data, cells, count, index);
        if (cells.Count != count)
        {
            throw new RequestShapeException(InferenceInputs.Field(index, "data"), $"has {cells.Count} values; shape [{string.Join(',', shape)}] needs {count}");
        }

        var target = OnnxTensor.NewArray(type, count);
        var column = new TableInput(info.Name, type, info.Shape, 1);
        for (var c = 0; c < cells.Count; c++)
        {
            try
            {
                CellWriter.Write(target, c, cells[c], column);
            }
            catch (CellValueException ex)
            {
                throw ex.At($"{InferenceInputs.Field(index, "data")}[{c}]");
            }
        }

        return (position, new OnnxTensor(info.Name, type, shape, target));
    }

    private static void Flatten(JsonElement element, List<JsonElement> cells, long limit, int index)
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
                throw new RequestShapeException(InferenceInputs.Field(index, "data"), $"has more than the {limit} values its shape needs");
            }

            Flatten(item, cells, limit, index);
        }
    }
}
