using System.Globalization;
using RepoML.Serving.Grpc;
using RepoML.Serving.Grpc.Protocol;

namespace RepoML.Serving.Tests.Grpc;

/// <summary>A gRPC response's output tensors as managed arrays and as the JSON arrays the REST form writes, to compare the two.</summary>
internal static class GrpcTensors
{
    /// <summary>Output <paramref name="index"/>'s elements, from its typed contents or its raw bytes.</summary>
    public static Array Data(ModelInferResponse response, int index)
    {
        var output = response.Outputs[index];
        var type = Enum.Parse<TensorDataType>(output.Datatype, ignoreCase: true);
        var count = (int)OnnxTensor.ElementsOf([.. output.Shape]);
        if (response.RawOutputContents.Count > 0)
        {
            return RawTensorContents.Read(response.RawOutputContents[index].Span, type, count, $"raw_output_contents[{index}]");
        }

        var c = output.Contents;
        return type switch
        {
            TensorDataType.Fp32 => c.Fp32Contents.ToArray(),
            TensorDataType.Fp64 => c.Fp64Contents.ToArray(),
            TensorDataType.Int64 => c.Int64Contents.ToArray(),
            TensorDataType.UInt64 => c.Uint64Contents.ToArray(),
            TensorDataType.Int32 => c.IntContents.ToArray(),
            TensorDataType.Int16 => c.IntContents.Select(v => (short)v).ToArray(),
            TensorDataType.Int8 => c.IntContents.Select(v => (sbyte)v).ToArray(),
            TensorDataType.UInt32 => c.UintContents.ToArray(),
            TensorDataType.UInt16 => c.UintContents.Select(v => (ushort)v).ToArray(),
            TensorDataType.UInt8 => c.UintContents.Select(v => (byte)v).ToArray(),
            TensorDataType.Bool => c.BoolContents.ToArray(),
            _ => c.BytesContents.Select(b => b.ToStringUtf8()).ToArray(),
        };
    }

    /// <summary>Output <paramref name="index"/> as the REST form's JSON <c>data</c> array (non-finite numbers as strings).</summary>
    public static JsonArray AsJson(ModelInferResponse response, int index)
    {
        var data = Data(response, index);
        var array = new JsonArray();
        foreach (var item in data)
        {
            array.Add(item switch
            {
                float f when !float.IsFinite(f) => JsonValue.Create(float.IsNaN(f) ? "NaN" : f > 0 ? "Infinity" : "-Infinity"),
                double d when !double.IsFinite(d) => JsonValue.Create(double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity"),
                float f => JsonValue.Create(f),
                _ => System.Text.Json.JsonSerializer.SerializeToNode(item),
            });
        }

        return array;
    }

    public static string Show(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";
}
