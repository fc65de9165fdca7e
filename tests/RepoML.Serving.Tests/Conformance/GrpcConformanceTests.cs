using Grpc.Core;
using RepoML.Serving.Grpc.Protocol;
using RepoML.Serving.Tests.Grpc;
using Xunit.Abstractions;

namespace RepoML.Serving.Tests.Conformance;

/// <summary>
/// The same ONNX backend test models as <see cref="BackendConformanceTests"/>, inferred over gRPC with typed and with raw
/// contents: each answer holds the recorded outputs, and the values the REST form answers (identical, floating-point
/// ones within 1e-5: see <see cref="SameValue"/>).
/// </summary>
public sealed class GrpcConformanceTests(ITestOutputHelper output) : EndpointWorkspaceTests("conformance")
{
    [LibOnnxTestDataFact]
    public async Task Should_answer_the_expected_outputs_and_the_rest_answers_When_backend_test_models_are_inferred_over_grpc()
    {
        // Given every backend test model ONNX Runtime loads, each as a deployment of one endpoint, served over REST and gRPC
        await using var served = await ServedBackendCases.StartAsync(Workspace, grpc: true);

        // When each is asked to infer its first data set over REST, then over gRPC typed and raw
        var failures = await served.CheckEachAsync(async (model, test) =>
        {
            using var rest = await served.InferOverRestAsync(model, test);
            var restBody = await rest.Content.ReadAsStringAsync();
            var (reference, exact) = BackendExpectations.Reference(test);
            var found = new List<string>();
            foreach (var raw in new[] { false, true })
            {
                var form = raw ? "raw" : "typed";
                ModelInferResponse answer;
                try
                {
                    answer = await served.Server.Grpc!.ModelInferAsync(GrpcBackendRequests.Build(model, test, raw));
                }
                catch (RpcException ex)
                {
                    found.Add($"{test.Name} ({form}): {ex.StatusCode} {ex.Status.Detail}; REST answered {(int)rest.StatusCode}");
                    continue;
                }

                var json = AsRestJson(answer);
                found.AddRange(BackendExpectations.Compare(reference, json, exact).Select(f => $"{f} ({form})"));
                found.AddRange(SameAsRest(test.Name, form, rest.IsSuccessStatusCode ? JsonNode.Parse(restBody) : null, json, restBody));
            }

            return found;
        });

        // Then
        served.AssertNoFailures(output, "inferred over gRPC, typed and raw", failures);
    }

    /// <summary>A gRPC answer in the REST form's JSON shape (outputs with name, datatype, shape and data), as text parsed again, as REST's is.</summary>
    private static JsonObject AsRestJson(ModelInferResponse answer) => JsonNode.Parse(new JsonObject
    {
        ["outputs"] = new JsonArray([.. answer.Outputs.Select((o, k) => (JsonNode)new JsonObject
        {
            ["name"] = o.Name,
            ["datatype"] = o.Datatype,
            ["shape"] = new JsonArray([.. o.Shape.Select(d => (JsonNode)d)]),
            ["data"] = GrpcTensors.AsJson(answer, k),
        })]),
    }.ToJsonString())!.AsObject();

    private static IEnumerable<string> SameAsRest(string name, string form, JsonNode? rest, JsonObject grpc, string restBody)
    {
        if (rest is null)
        {
            yield return $"{name} ({form}): gRPC answered, REST did not: {restBody}";
            yield break;
        }

        var restOutputs = rest["outputs"]!.AsArray();
        foreach (var output in grpc["outputs"]!.AsArray())
        {
            var match = restOutputs.FirstOrDefault(o => o!["name"]!.GetValue<string>() == output!["name"]!.GetValue<string>());
            if (match is null || match["datatype"]!.ToJsonString() != output!["datatype"]!.ToJsonString() || match["shape"]!.ToJsonString() != output["shape"]!.ToJsonString())
            {
                yield return $"{name} ({form}): output '{output!["name"]}' has another datatype or shape than REST's";
                continue;
            }

            var (mine, theirs) = (output["data"]!.AsArray(), match["data"]!.AsArray());
            for (var i = 0; i < mine.Count; i++)
            {
                if (!SameValue(mine[i]!, theirs[i]!, output["datatype"]!.GetValue<string>()))
                {
                    yield return $"{name} ({form}): output '{output["name"]}'[{i}] = {mine[i]!.ToJsonString()}, REST answered {theirs[i]!.ToJsonString()}";
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The same element: identical, except that floating-point elements may be 1e-5 apart (relative, or absolute below
    /// 1). ONNX Runtime's reductions (normalisations, means, einsum) are not bit-reproducible from run to run of the
    /// same model on the same input: their vectorised loops depend on where the input buffers lie, so two REST answers
    /// can differ in the last digits the same way.
    /// </summary>
    private static bool SameValue(JsonNode mine, JsonNode theirs, string datatype)
    {
        if (mine.ToJsonString() == theirs.ToJsonString())
        {
            return true;
        }

        if (datatype is not ("FP32" or "FP16" or "FP64") || mine.GetValueKind() != System.Text.Json.JsonValueKind.Number || theirs.GetValueKind() != System.Text.Json.JsonValueKind.Number)
        {
            return false;
        }

        var (a, b) = (mine.GetValue<double>(), theirs.GetValue<double>());
        return Math.Abs(a - b) <= 1e-5 * Math.Max(1, Math.Abs(b));
    }
}
