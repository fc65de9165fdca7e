using Grpc.Core;
using RepoML.Serving.Grpc.Protocol;
using Xunit.Abstractions;

namespace RepoML.Serving.Tests.Conformance;

/// <summary>
/// ONNX backend test models served through /v2/models/{name}/infer give the outputs recorded with them; inferred over gRPC with
/// typed and with raw contents, each answer holds the recorded outputs and the values the REST form answers.
/// </summary>
public sealed class BackendConformanceTests(ITestOutputHelper output) : EndpointWorkspaceTests("conformance")
{
    [LibOnnxTestDataFact]
    public async Task Should_return_the_expected_outputs_within_1e5_When_backend_test_models_are_served_over_v2()
    {
        // Given every backend test model ONNX Runtime loads, each as a deployment of one endpoint
        await using var served = await ServedBackendCases.StartAsync(Workspace, grpc: false);

        // When each is asked to infer its first data set
        var failures = await served.CheckEachAsync((model, test) => CheckOverRestAsync(served, model, test));

        // Then
        served.AssertNoFailures(output, "served", failures);
    }

    [LibOnnxTestDataFact]
    public async Task Should_answer_the_expected_outputs_and_the_rest_answers_When_backend_test_models_are_inferred_over_grpc()
    {
        // Given every backend test model ONNX Runtime loads, each as a deployment of one endpoint, served over REST and gRPC
        await using var served = await ServedBackendCases.StartAsync(Workspace, grpc: true);

        // When each is asked to infer its first data set over REST, then over gRPC typed and raw
        var failures = await served.CheckEachAsync((model, test) => CheckOverGrpcAsync(served, model, test));

        // Then
        served.AssertNoFailures(output, "inferred over gRPC, typed and raw", failures);
    }

    private static async Task<IEnumerable<string>> CheckOverRestAsync(ServedBackendCases served, string model, BackendTestCase test)
    {
        using var response = await served.InferOverRestAsync(model, test);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            return [$"{test.Name}: HTTP {(int)response.StatusCode} {body}"];
        }

        var (reference, exact) = BackendExpectations.Reference(test);
        return BackendExpectations.Compare(reference, JsonNode.Parse(body)!, exact).ToList();
    }

    private static async Task<IEnumerable<string>> CheckOverGrpcAsync(ServedBackendCases served, string model, BackendTestCase test)
    {
        using var rest = await served.InferOverRestAsync(model, test);
        var restBody = await rest.Content.ReadAsStringAsync();
        var (reference, exact) = BackendExpectations.Reference(test);
        var failures = new List<string>();
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
                failures.Add($"{test.Name} ({form}): {ex.StatusCode} {ex.Status.Detail}; REST answered {(int)rest.StatusCode}");
                continue;
            }

            var json = GrpcRestComparison.AsRestJson(answer);
            failures.AddRange(BackendExpectations.Compare(reference, json, exact).Select(f => $"{f} ({form})"));
            var restJson = rest.IsSuccessStatusCode ? JsonNode.Parse(restBody) : null;
            failures.AddRange(GrpcRestComparison.SameAsRest(test.Name, form, restJson, json, restBody));
        }

        return failures;
    }
}
