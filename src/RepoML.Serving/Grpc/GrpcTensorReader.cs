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
    public static (IReadOnlyList<OnnxTensor> Inputs, IReadOnlyList<string> Outputs) Read(ModelInferRequest request, OnnxServingSession model)
    {
        var raw = request.RawInputContents.Count > 0;
        if (raw && request.RawInputContents.Count != request.Inputs.Count)
        {
            throw new RequestShapeException("raw_input_contents", $"has {request.RawInputContents.Count} entries for {request.Inputs.Count} inputs; give one per input, in order");
        }

        var tensors = new OnnxTensor[request.Inputs.Count];
        for (var i = 0; i < tensors.Length; i++)
        {
            var input = request.Inputs[i];
            var field = $"inputs[{i}]";
            var info = InferenceInputs.Input(model, input.Name, field);
            var type = InferenceInputs.DataType(info, input.Datatype, field);
            var count = InferenceInputs.ElementCount(info, input.Shape, field);
            Array data;
            if (raw)
            {
                data = input.Contents is null
                    ? RawTensorContents.Read(request.RawInputContents[i].Span, type, count, $"raw_input_contents[{i}]")
                    : throw new RequestShapeException($"{field}.contents", "must not be given when raw_input_contents is used");
            }
            else
            {
                data = Typed(input.Contents, type, count, $"{field}.contents");
            }

            tensors[i] = new OnnxTensor(info.Name, type, [.. input.Shape], data);
        }

        InferenceInputs.RequireAll(model, tensors);
        return (tensors, InferenceInputs.Outputs(model, [.. request.Outputs.Select(o => o.Name)]));
    }

    private static Array Typed(InferTensorContents? contents, TensorDataType type, int count, string field) => type switch
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
        _ => throw new RequestShapeException(field, $"{TensorJson.DataTypeName(type)} has no typed contents; send it in raw_input_contents"),
    };

    private static IReadOnlyList<T> Exactly<T>(IReadOnlyList<T>? values, int count, string field, string name)
    {
        var given = values?.Count ?? 0;
        return given == count ? values ?? [] : throw new RequestShapeException($"{field}.{name}", $"has {given} values; the shape needs {count}");
    }

    private static TNarrow[] Narrow<TWide, TNarrow>(IReadOnlyList<TWide> values, string field, string name, long min, long max, Func<TWide, TNarrow> convert)
        where TWide : System.Numerics.IBinaryInteger<TWide>
    {
        var result = new TNarrow[values.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var value = long.CreateTruncating(values[i]);
            result[i] = value >= min && value <= max ? convert(values[i])
                : throw new RequestShapeException($"{field}.{name}[{i}]", $"{value} is outside [{min}, {max}]");
        }

        return result;
    }

    private static string[] Strings(IReadOnlyList<ByteString> values, string field)
    {
        var result = new string[values.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = RawTensorContents.Utf8(values[i].Span, $"{field}.bytes_contents[{i}]");
        }

        return result;
    }
}
