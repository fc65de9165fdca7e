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

        InferenceInputs.RequireAll(model, tensors);
        var requested = new List<string?>();
        if (body.TryGetProperty("outputs", out var outputs) && outputs.ValueKind == JsonValueKind.Array)
        {
            requested.AddRange(outputs.EnumerateArray().Select(o =>
                o.ValueKind == JsonValueKind.Object && o.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null));
        }

        return (id, tensors, InferenceInputs.Outputs(model, requested));
    }

    private static OnnxTensor ReadInput(JsonElement input, string field, OnnxServingSession model)
    {
        var info = InferenceInputs.Input(model, input.ValueKind == JsonValueKind.Object && input.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null, field);
        var type = InferenceInputs.DataType(info, input.TryGetProperty("datatype", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null, field);
        if (!input.TryGetProperty("shape", out var s) || s.ValueKind != JsonValueKind.Array || s.EnumerateArray().Any(x => !x.TryGetInt64(out var v) || v < 0))
        {
            throw new RequestShapeException($"{field}.shape", "expected an array of non-negative integers");
        }

        long[] shape = [.. s.EnumerateArray().Select(x => x.GetInt64())];
        var count = InferenceInputs.ElementCount(info, shape, field);
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

        var target = OnnxTensor.NewArray(type, count);
        var column = new TableInput(info.Name, type, info.Shape, 1);
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

        return new OnnxTensor(info.Name, type, shape, target);
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
