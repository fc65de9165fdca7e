using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using RepoML.Onnx;
using RepoML.Serving.Grpc;
using RepoML.Serving.Grpc.Protocol;
using RepoML.Serving.Scoring;

/// <summary>
/// The v2 protocol's own per-request work in-process, REST against gRPC, on the same single-row request: the request
/// read into input tensors (JSON: JsonDocument and InferenceRequestReader; gRPC: protobuf parse and GrpcTensorReader)
/// and the answer written (JSON bytes; a ModelInferResponse serialised). The model run, the same for both, is left
/// out; so are HTTP and gRPC's framing, which the load client measures. Best of 7 rounds.
/// </summary>
internal static class ProtocolWork
{
    private const int CallsPerRound = 20_000;

    public static void Run(string modelPath, byte[] scoreBody)
    {
        using var session = OnnxServingSession.Load(modelPath);
        var (message, json) = ProtocolLoad.Requests("bench",
            [.. session.Inputs.Select(i => (i.Name, TensorJson.DataTypeName(i.DataType!.Value), i.Shape.ToArray()))],
            [.. session.Outputs.Select(o => o.Name)], scoreBody);
        var bytes = message.ToByteArray();
        var (inputs, outputs) = GrpcTensorReader.Read(message, session);
        var results = session.Run(inputs, outputs);
        double restRead = double.MaxValue, grpcRead = double.MaxValue, restWrite = double.MaxValue, grpcWrite = double.MaxValue;
        for (var round = 0; round < 7; round++)
        {
            restRead = Math.Min(restRead, CallTimer.MicrosecondsPerCall(() =>
            {
                using var document = JsonDocument.Parse(json);
                InferenceRequestReader.Read(document.RootElement, session);
            }, CallsPerRound));
            grpcRead = Math.Min(grpcRead, CallTimer.MicrosecondsPerCall(() => GrpcTensorReader.Read(ModelInferRequest.Parser.ParseFrom(bytes), session), CallsPerRound));
            restWrite = Math.Min(restWrite, CallTimer.MicrosecondsPerCall(() => InferenceResponse.Write("bench", "1", null, results), CallsPerRound));
            grpcWrite = Math.Min(grpcWrite, CallTimer.MicrosecondsPerCall(() => GrpcTensorWriter.Write("bench", "1", "", results, raw: false).ToByteArray(), CallsPerRound));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"v2 per request, in-process: request read REST {restRead:F2} us, gRPC {grpcRead:F2} us; answer written REST {restWrite:F2} us, gRPC {grpcWrite:F2} us"));
    }
}
