using RepoML.Onnx;

namespace RepoML.Serving.Scoring;

/// <summary>
/// The checks of a v2 inference request against the model, shared by its JSON (<see cref="InferenceRequestReader"/>)
/// and gRPC (<see cref="Grpc.GrpcTensorReader"/>) forms, so both say the same thing about the same mistake.
/// </summary>
public static class InferenceInputs
{
    private const string DataTypes = "BOOL, UINT8, UINT16, UINT32, UINT64, INT8, INT16, INT32, INT64, FP16, FP32, FP64, BYTES";

    /// <summary>The model input named <paramref name="name"/>.</summary>
    /// <exception cref="RequestShapeException">The model has no such input.</exception>
    public static OnnxTensorInfo Input(OnnxServingSession model, string? name, string field)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new RequestShapeException($"{field}.name", "is missing");
        }

        return model.Inputs.FirstOrDefault(m => m.Name == name)
            ?? throw new RequestShapeException($"{field}.name", $"the model has no input '{name}'; inputs: {string.Join(", ", model.Inputs.Select(m => m.Name))}");
    }

    /// <summary>The element type named <paramref name="datatype"/>, which must be the input's.</summary>
    /// <exception cref="RequestShapeException">Not a protocol datatype, or not the input's.</exception>
    public static TensorDataType DataType(OnnxTensorInfo input, string? datatype, string field)
    {
        var type = TensorJson.ParseDataType(datatype)
            ?? throw new RequestShapeException($"{field}.datatype", $"expected one of {DataTypes}");
        if (input.DataType != type)
        {
            throw new RequestShapeException($"{field}.datatype", $"model input '{input.Name}' is {(input.DataType is { } t ? TensorJson.DataTypeName(t) : "not a tensor")}, got {TensorJson.DataTypeName(type)}");
        }

        return type;
    }

    /// <summary>How many elements <paramref name="shape"/> holds, once it is checked against the input's declared shape.</summary>
    /// <exception cref="RequestShapeException">A negative dimension, another rank or size, or more elements than an array holds.</exception>
    public static int ElementCount(OnnxTensorInfo input, IReadOnlyList<long> shape, string field)
    {
        if (shape.Any(d => d < 0))
        {
            throw new RequestShapeException($"{field}.shape", "expected an array of non-negative integers");
        }

        if (shape.Count != input.Shape.Count || shape.Zip(input.Shape).Any(p => p.Second >= 0 && p.First != p.Second))
        {
            throw new RequestShapeException($"{field}.shape", $"[{string.Join(',', shape)}] does not fit model input '{input.Name}' [{string.Join(',', input.Shape)}]");
        }

        var count = 1L;
        foreach (var dim in shape)
        {
            count = dim == 0 || count <= Array.MaxLength / dim ? count * dim : long.MaxValue;
        }

        return count <= Array.MaxLength ? (int)count
            : throw new RequestShapeException($"{field}.shape", $"[{string.Join(',', shape)}] holds more elements than one request may carry");
    }

    /// <summary>Checks that every model input is given.</summary>
    /// <exception cref="RequestShapeException">One is missing.</exception>
    public static void RequireAll(OnnxServingSession model, IReadOnlyList<OnnxTensor> inputs)
    {
        if (model.Inputs.FirstOrDefault(m => inputs.All(t => t.Name != m.Name)) is { } missing)
        {
            throw new RequestShapeException("inputs", $"model input '{missing.Name}' is missing");
        }
    }

    /// <summary>The outputs to return: those requested (each a tensor output of the model), else every tensor output.</summary>
    /// <exception cref="RequestShapeException">A requested output is not one.</exception>
    public static IReadOnlyList<string> Outputs(OnnxServingSession model, IReadOnlyList<string?> requested)
    {
        if (requested.Count == 0)
        {
            return [.. model.Outputs.Where(m => m.DataType is not null).Select(m => m.Name)];
        }

        for (var o = 0; o < requested.Count; o++)
        {
            var name = requested[o];
            if (name is null || model.Outputs.All(m => m.Name != name || m.DataType is null))
            {
                throw new RequestShapeException($"outputs[{o}].name", $"the model has no tensor output '{name}'; outputs: {string.Join(", ", model.Outputs.Select(m => m.Name))}");
            }
        }

        return requested!;
    }
}
