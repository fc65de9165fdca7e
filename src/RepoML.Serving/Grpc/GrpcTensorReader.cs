using Google.Protobuf;
using RepoML.Onnx;
using RepoML.Serving.Grpc.Protocol;
using RepoML.Serving.Scoring;

namespace RepoML.Serving.Grpc;

/// <summary>
/// Reads the input tensors of a gRPC <c>ModelInferRequest</c> for one model, from typed <c>contents</c> or from
/// <c>raw_input_contents</c> (one entry per input, in order). Names, datatypes and shapes are checked as the JSON form
/// checks them (<see cref="InferenceInputs"/>), so a mistake gets the same message, naming the same field.
/// </summary>
public static class GrpcTensorReader
{
    /// <returns>The inputs in model order, and the outputs to return.</returns>
    public static (OnnxTensor[] Inputs, IReadOnlyList<string> Outputs) Read(ModelInferRequest request, OnnxServingSession model)
    {
        var raw = request.RawInputContents.Count > 0;
        if (raw && request.RawInputContents.Count != request.Inputs.Count)
        {
            throw new RequestShapeException("raw_input_contents", $"has {request.RawInputContents.Count} entries for {request.Inputs.Count} inputs; give one per input, in order");
        }

        var ordered = new OnnxTensor?[model.Inputs.Count];
        for (var i = 0; i < request.Inputs.Count; i++)
        {
            var input = request.Inputs[i];
            var position = InferenceInputs.Input(model, input.Name, i);
            var info = model.Inputs[position];
            var type = InferenceInputs.DataType(info, input.Datatype, i);
            var count = InferenceInputs.ElementCount(info, input.Shape, i);
            Array data;
            if (raw)
            {
                data = input.Contents is null
                    ? RawTensorContents.Read(request.RawInputContents[i].Span, type, count, $"raw_input_contents[{i}]")
                    : throw new RequestShapeException(InferenceInputs.Field(i, "contents"), "must not be given when raw_input_contents is used");
            }
            else
            {
                data = Typed(input.Contents, type, count, i);
            }

            InferenceInputs.Place(ordered, position, new OnnxTensor(info.Name, type, [.. input.Shape], data), i);
        }

        var requested = request.Outputs.Count == 0 ? [] : request.Outputs.Select(o => (string?)o.Name).ToList();
        return (InferenceInputs.RequireAll(model, ordered), InferenceInputs.Outputs(model, requested));
    }

    // The index, not the field name: names are formatted only for an error.
    private static Array Typed(InferTensorContents? contents, TensorDataType type, int count, int field) => type switch
    {
        TensorDataType.Fp32 => Exactly(contents?.Fp32Contents, count, field, "fp32_contents").ToArray(),
        TensorDataType.Fp64 => Exactly(contents?.Fp64Contents, count, field, "fp64_contents").ToArray(),
        TensorDataType.Int64 => Exactly(contents?.Int64Contents, count, field, "int64_contents").ToArray(),
        TensorDataType.UInt64 => Exactly(contents?.Uint64Contents, count, field, "uint64_contents").ToArray(),
        TensorDataType.Bool => Exactly(contents?.BoolContents, count, field, "bool_contents").ToArray(),
        TensorDataType.Int32 => Exactly(contents?.IntContents, count, field, "int_contents").ToArray(),
        TensorDataType.Int16 => Narrow(Exactly(contents?.IntContents, count, field, "int_contents"), field, "int_contents", short.MinValue, short.MaxValue, v => (short)v),
        TensorDataType.Int8 => Narrow(Exactly(contents?.IntContents, count, field, "int_contents"), field, "int_contents", sbyte.MinValue, sbyte.MaxValue, v => (sbyte)v),
        TensorDataType.UInt32 => Exactly(contents?.UintContents, count, field, "uint_contents").ToArray(),
        TensorDataType.UInt16 => Narrow(Exactly(contents?.UintContents, count, field, "uint_contents"), field, "uint_contents", ushort.MinValue, ushort.MaxValue, v => (ushort)v),
        TensorDataType.UInt8 => Narrow(Exactly(contents?.UintContents, count, field, "uint_contents"), field, "uint_contents", byte.MinValue, byte.MaxValue, v => (byte)v),
        TensorDataType.Bytes => Strings(Exactly(contents?.BytesContents, count, field, "bytes_contents"), field),
        _ => throw new RequestShapeException(Contents(field), $"{TensorJson.DataTypeName(type)} has no typed contents; send it in raw_input_contents"),
    };

    private static string Contents(int index, string? member = null) => InferenceInputs.Field(index, member is null ? "contents" : $"contents.{member}");

    private static IReadOnlyList<T> Exactly<T>(IReadOnlyList<T>? values, int count, int field, string name)
    {
        var given = values?.Count ?? 0;
        return given == count ? values ?? [] : throw new RequestShapeException(Contents(field, name), $"has {given} values; the shape needs {count}");
    }

    private static TNarrow[] Narrow<TWide, TNarrow>(IReadOnlyList<TWide> values, int field, string name, long min, long max, Func<TWide, TNarrow> convert)
        where TWide : System.Numerics.IBinaryInteger<TWide>
    {
        var result = new TNarrow[values.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var value = long.CreateTruncating(values[i]);
            result[i] = value >= min && value <= max ? convert(values[i])
                : throw new RequestShapeException($"{Contents(field, name)}[{i}]", $"{value} is outside [{min}, {max}]");
        }

        return result;
    }

    private static string[] Strings(IReadOnlyList<ByteString> values, int field)
    {
        var result = new string[values.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = RawTensorContents.Utf8(values[i].Span, field, i);
        }

        return result;
    }
}
