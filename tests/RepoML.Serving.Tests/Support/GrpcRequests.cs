using System.Runtime.InteropServices;
using Google.Protobuf;
using RepoML.Serving.Grpc.Protocol;

namespace RepoML.Serving.Tests.Support;

/// <summary>gRPC v2 inference requests for the iris model (four FP32 inputs of shape [-1, 1]) and the matching REST v2 body.</summary>
internal static class GrpcRequests
{
    /// <summary>A ModelInferRequest with one [rows, 1] FP32 tensor per iris column, in typed contents or raw bytes.</summary>
    public static ModelInferRequest Iris(string model, bool raw = false, params double[][] rows)
    {
        rows = rows.Length == 0 ? [[5.1, 3.5, 1.4, 0.2]] : rows;
        var request = new ModelInferRequest { ModelName = model, Id = "iris-1" };
        for (var c = 0; c < Requests.IrisColumns.Length; c++)
        {
            var values = rows.Select(r => (float)r[c]).ToArray();
            var input = new ModelInferRequest.Types.InferInputTensor { Name = Requests.IrisColumns[c], Datatype = "FP32" };
            input.Shape.AddRange([rows.Length, 1]);
            if (raw)
            {
                request.RawInputContents.Add(ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())));
            }
            else
            {
                input.Contents = new InferTensorContents();
                input.Contents.Fp32Contents.AddRange(values);
            }

            request.Inputs.Add(input);
        }

        return request;
    }

    /// <summary>50,000 iris rows in raw contents (800 KB): slow to score, and larger than a small body limit.</summary>
    public static ModelInferRequest ManyIris(string model) => Iris(model, raw: true, [.. Enumerable.Repeat(new[] { 5.1, 3.5, 1.4, 0.2 }, 50_000)]);

    /// <summary>The same request as the REST v2 JSON body.</summary>
    public static System.Text.Json.Nodes.JsonObject IrisJson(params double[][] rows)
    {
        rows = rows.Length == 0 ? [[5.1, 3.5, 1.4, 0.2]] : rows;
        return new()
        {
            ["id"] = "iris-1",
            ["inputs"] = new System.Text.Json.Nodes.JsonArray([.. Requests.IrisColumns.Select((c, i) => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
            {
                ["name"] = c,
                ["shape"] = new System.Text.Json.Nodes.JsonArray(rows.Length, 1),
                ["datatype"] = "FP32",
                ["data"] = new System.Text.Json.Nodes.JsonArray([.. rows.Select(r => (System.Text.Json.Nodes.JsonNode)(float)r[i])]),
            })]),
        };
    }

    /// <summary>The deployment the response metadata names.</summary>
    public static string? Deployment(global::Grpc.Core.Metadata headers) => headers.GetValue("azureml-model-deployment");
}
