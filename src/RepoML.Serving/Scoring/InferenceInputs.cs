using RepoML.Onnx;

namespace RepoML.Serving.Scoring;

/// <summary>
/// The checks of a v2 inference request against the model, shared by its JSON (<see cref="InferenceRequestReader"/>)
/// and gRPC (<see cref="Grpc.GrpcTensorReader"/>) forms, so both say the same thing about the same mistake. Inputs are
/// named by their index in the request (<c>inputs[2]</c>); field names are formatted only for an error.
/// </summary>
public static class InferenceInputs
{
    private const string DataTypes = "BOOL, UINT8, UINT16, UINT32, UINT64, INT8, INT16, INT32, INT64, FP16, FP32, FP64, BYTES";

    /// <summary>The request field of input <paramref name="index"/>, e.g. <c>inputs[2].shape</c>.</summary>
    public static string Field(int index, string member) => $"inputs[{index}].{member}";

    /// <summary>The position, among the model's inputs, of the one named <paramref name="name"/>.</summary>
    /// <exception cref="RequestShapeException">The model has no such input.</exception>
    public static int Input(OnnxServingSession model, string? name, int index)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new RequestShapeException(Field(index, "name"), "is missing");
        }

        // Clients mostly send the inputs in the model's order: look there first.
        var inputs = model.Inputs;
        if (index < inputs.Count && inputs[index].Name == name)
        {
            return index;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].Name == name)
            {
                return i;
            }
        }

        throw new RequestShapeException(Field(index, "name"), $"the model has no input '{name}'; inputs: {string.Join(", ", inputs.Select(m => m.Name))}");
    }

    /// <summary>The element type named <paramref name="datatype"/>, which must be the input's.</summary>
    /// <exception cref="RequestShapeException">Not a protocol datatype, or not the input's.</exception>
    public static TensorDataType DataType(OnnxTensorInfo input, string? datatype, int index)
    {
        var type = TensorJson.ParseDataType(datatype)
            ?? throw new RequestShapeException(Field(index, "datatype"), $"expected one of {DataTypes}");
        if (input.DataType != type)
        {
            throw new RequestShapeException(Field(index, "datatype"),
                input.DataType is { } t ? $"model input '{input.Name}' is {TensorJson.DataTypeName(t)}, got {TensorJson.DataTypeName(type)}" : NotCarried(input, "input"));
        }

        return type;
    }

    /// <summary>How many elements <paramref name="shape"/> holds, once it is checked against the input's declared shape.</summary>
    /// <exception cref="RequestShapeException">A negative dimension, another rank or size, or more elements than an array holds.</exception>
    public static int ElementCount(OnnxTensorInfo input, IReadOnlyList<long> shape, int index)
    {
        var fits = shape.Count == input.Shape.Count;
        var count = 1L;
        for (var i = 0; i < shape.Count; i++)
        {
            var dim = shape[i];
            if (dim < 0)
            {
                throw new RequestShapeException(Field(index, "shape"), "expected an array of non-negative integers");
            }

            fits &= i >= input.Shape.Count || input.Shape[i] < 0 || input.Shape[i] == dim;
            count = dim == 0 || count <= Array.MaxLength / dim ? count * dim : long.MaxValue;
        }

        if (!fits)
        {
            throw new RequestShapeException(Field(index, "shape"), $"[{string.Join(',', shape)}] does not fit model input '{input.Name}' [{string.Join(',', input.Shape)}]");
        }

        return count <= Array.MaxLength ? (int)count
            : throw new RequestShapeException(Field(index, "shape"), $"[{string.Join(',', shape)}] holds more elements than one request may carry");
    }

    /// <summary>
    /// Puts <paramref name="tensor"/>, the request's input <paramref name="index"/>, at its model input's position
    /// <paramref name="position"/> in <paramref name="ordered"/> (one slot per model input).
    /// </summary>
    /// <exception cref="RequestShapeException">The request gives that input twice.</exception>
    public static void Place(OnnxTensor?[] ordered, int position, OnnxTensor tensor, int index)
    {
        if (ordered[position] is not null)
        {
            throw new RequestShapeException(Field(index, "name"), $"model input '{tensor.Name}' is given twice");
        }

        ordered[position] = tensor;
    }

    /// <summary>The inputs in model order, once every model input is there.</summary>
    /// <exception cref="RequestShapeException">One is missing.</exception>
    public static OnnxTensor[] RequireAll(OnnxServingSession model, OnnxTensor?[] ordered)
    {
        for (var i = 0; i < ordered.Length; i++)
        {
            if (ordered[i] is null)
            {
                var input = model.Inputs[i];
                throw new RequestShapeException("inputs", input.DataType is null ? NotCarried(input, "input") : $"model input '{input.Name}' is missing");
            }
        }

        return ordered!;
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
            if (model.Outputs.FirstOrDefault(m => m.Name == name && m.DataType is null) is { } other)
            {
                throw new RequestShapeException($"outputs[{o}].name", NotCarried(other, "output"));
            }

            if (name is null || model.Outputs.All(m => m.Name != name || m.DataType is null))
            {
                throw new RequestShapeException($"outputs[{o}].name", $"the model has no tensor output '{name}'; outputs: {string.Join(", ", model.Outputs.Select(m => m.Name))}");
            }
        }

        return requested!;
    }

    /// <summary>Why a model input or output the protocol has no datatype for (a sequence, a map, a bfloat16 tensor…) cannot be sent or answered.</summary>
    public static string NotCarried(OnnxTensorInfo value, string what) =>
        $"model {what} '{value.Name}' is {value.KindWithArticle}, which the v2 inference protocol cannot carry (tensors of {DataTypes} only)";

    /// <summary>
    /// Runs the model on inputs in model order, in kept input values of these shapes refilled
    /// (<see cref="OnnxServingSession.RentInputs"/>) rather than new ones for every run, as /score's runs do.
    /// </summary>
    /// <exception cref="Core.Scoring.ScoringInputException">ONNX Runtime rejected the inputs.</exception>
    public static IReadOnlyList<OnnxTensor> Run(OnnxServingSession model, OnnxTensor[] inputs, IReadOnlyList<string> outputs)
    {
        var shapes = new long[inputs.Length][];
        for (var i = 0; i < inputs.Length; i++)
        {
            shapes[i] = inputs[i].Shape;
        }

        using var values = model.RentInputs(shapes);
        for (var i = 0; i < inputs.Length; i++)
        {
            values.Write(i, inputs[i].Data, 0);
        }

        return model.Run(values, outputs);
    }
}
