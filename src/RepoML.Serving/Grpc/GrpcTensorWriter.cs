using Google.Protobuf;
using RepoML.Onnx;
using RepoML.Serving.Grpc.Protocol;
using RepoML.Serving.Scoring;

namespace RepoML.Serving.Grpc;

/// <summary>
/// Writes a gRPC <c>ModelInferResponse</c>, in the form the request came in: <c>raw_output_contents</c> for a request
/// with <c>raw_input_contents</c> (as Triton always answers, and as its clients read), typed <c>contents</c> otherwise.
/// FP16 has no typed form, so a model with an FP16 output always answers raw (the protocol allows no mix).
/// </summary>
public static class GrpcTensorWriter
{
    public static ModelInferResponse Write(string modelName, string version, string id, IReadOnlyList<OnnxTensor> outputs, bool raw)
    {
        var response = new ModelInferResponse { ModelName = modelName, ModelVersion = version, Id = id };
        raw |= outputs.Any(o => o.DataType == TensorDataType.Fp16);
        foreach (var output in outputs)
        {
            var tensor = new ModelInferResponse.Types.InferOutputTensor { Name = output.Name, Datatype = TensorJson.DataTypeName(output.DataType) };
            tensor.Shape.AddRange(output.Shape);
            if (raw)
            {
                response.RawOutputContents.Add(RawTensorContents.Write(output));
            }
            else
            {
                tensor.Contents = Typed(output);
            }

            response.Outputs.Add(tensor);
        }

        return response;
    }

    private static InferTensorContents Typed(OnnxTensor output)
    {
        var contents = new InferTensorContents();
        // By the declared type, not the array's: the CLR lets long[] pass as ulong[], short[] as ushort[] and so on.
        switch (output.DataType)
        {
            case TensorDataType.Fp32: contents.Fp32Contents.AddRange((float[])output.Data); break;
            case TensorDataType.Fp64: contents.Fp64Contents.AddRange((double[])output.Data); break;
            case TensorDataType.Int64: contents.Int64Contents.AddRange((long[])output.Data); break;
            case TensorDataType.UInt64: contents.Uint64Contents.AddRange((ulong[])output.Data); break;
            case TensorDataType.Int32: contents.IntContents.AddRange((int[])output.Data); break;
            case TensorDataType.Int16: contents.IntContents.AddRange(((short[])output.Data).Select(v => (int)v)); break;
            case TensorDataType.Int8: contents.IntContents.AddRange(((sbyte[])output.Data).Select(v => (int)v)); break;
            case TensorDataType.UInt32: contents.UintContents.AddRange((uint[])output.Data); break;
            case TensorDataType.UInt16: contents.UintContents.AddRange(((ushort[])output.Data).Select(v => (uint)v)); break;
            case TensorDataType.UInt8: contents.UintContents.AddRange(((byte[])output.Data).Select(v => (uint)v)); break;
            case TensorDataType.Bool: contents.BoolContents.AddRange((bool[])output.Data); break;
            case TensorDataType.Bytes: contents.BytesContents.AddRange(((string[])output.Data).Select(ByteString.CopyFromUtf8)); break;
            default: throw new NotSupportedException($"output '{output.Name}' is {output.DataType}, which has no typed contents");
        }

        return contents;
    }
}
