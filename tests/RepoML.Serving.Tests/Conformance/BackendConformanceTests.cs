using Xunit.Abstractions;

namespace RepoML.Serving.Tests.Conformance;

/// <summary>ONNX backend test models served through /v2/models/{name}/infer give the outputs recorded with them.</summary>
public sealed class BackendConformanceTests(ITestOutputHelper output) : EndpointWorkspaceTests("conformance")
{
    [LibOnnxTestDataFact]
    public async Task Should_return_the_expected_outputs_within_1e5_When_backend_test_models_are_served_over_v2()
    {
        // Given every backend test model ONNX Runtime loads, each as a deployment of one endpoint
        await using var served = await ServedBackendCases.StartAsync(Workspace, grpc: false);

        // When each is asked to infer its first data set
        var failures = await served.CheckEachAsync(async (model, test) =>
        {
            using var response = await served.InferOverRestAsync(model, test);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                return [$"{test.Name}: HTTP {(int)response.StatusCode} {body}"];
            }

            var (reference, exact) = BackendExpectations.Reference(test);
            return BackendExpectations.Compare(reference, JsonNode.Parse(body)!, exact).ToList();
        });

        // Then
        served.AssertNoFailures(output, "served", failures);
    }
}
