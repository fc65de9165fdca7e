using System.Runtime.InteropServices;
using Google.Protobuf;
using RepoML.Serving.Grpc;
using RepoML.Serving.Grpc.Protocol;

namespace RepoML.Serving.Tests.Conformance;

/// <summary>A backend test case's inputs as a gRPC ModelInferRequest: typed contents, or raw_input_contents (FP16 has only the raw form).</summary>
internal static class GrpcBackendRequests
{
    public static ModelInferRequest Build(string model, BackendTestCase test, bool raw)
    {
        raw |= test.Inputs.Any(t => t.DataType == TensorDataType.Fp16);
        var request = new ModelInferRequest { ModelName = model, Id = test.Name };
        foreach (var tensor in test.Inputs)
        {
            var input = new ModelInferRequest.Types.InferInputTensor { Name = tensor.Name, Datatype = tensor.DataType.ToString().ToUpperInvariant() };
            input.Shape.AddRange(tensor.Dims);
            if (raw)
            {
                request.RawInputContents.Add(RawTensorContents.Write(new OnnxTensor(tensor.Name, tensor.DataType, tensor.Dims, tensor.Data)));
            }
            else
            {
                input.Contents = Typed(tensor);
            }

            request.Inputs.Add(input);
        }

        return request;
    }

    private static InferTensorContents Typed(TensorProto tensor)
    {
        var contents = new InferTensorContents();
        var data = tensor.Data;
        switch (tensor.DataType)
        {
            case TensorDataType.Fp32: contents.Fp32Contents.AddRange((float[])data); break;
            case TensorDataType.Fp64: contents.Fp64Contents.AddRange((double[])data); break;
            case TensorDataType.Int64: contents.Int64Contents.AddRange((long[])data); break;
            case TensorDataType.UInt64: contents.Uint64Contents.AddRange((ulong[])data); break;
            case TensorDataType.Int32 or TensorDataType.Int16 or TensorDataType.Int8: contents.IntContents.AddRange(data.Cast<IConvertible>().Select(v => v.ToInt32(null))); break;
            case TensorDataType.UInt32 or TensorDataType.UInt16 or TensorDataType.UInt8: contents.UintContents.AddRange(data.Cast<IConvertible>().Select(v => v.ToUInt32(null))); break;
            case TensorDataType.Bool: contents.BoolContents.AddRange((bool[])data); break;
            case TensorDataType.Bytes: contents.BytesContents.AddRange(((string[])data).Select(ByteString.CopyFromUtf8)); break;
            default: throw new NotSupportedException(tensor.DataType.ToString());
        }

        return contents;
    }

    /// <summary>Raw bytes of a typed array, for tests that build raw contents by hand.</summary>
    public static ByteString Bytes(float[] values) => ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
}
