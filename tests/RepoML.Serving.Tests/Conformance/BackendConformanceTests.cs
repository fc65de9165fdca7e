using Xunit.Abstractions;

namespace RepoML.Serving.Tests.Conformance;

/// <summary>ONNX backend test models served through /v2/models/{name}/infer give the outputs recorded with them.</summary>
public sealed class BackendConformanceTests(ITestOutputHelper output) : EndpointWorkspaceTests("conformance")
{
    [LibOnnxTestDataFact]
    public async Task Should_return_the_expected_outputs_within_1e5_When_backend_test_models_are_served_over_v2()
    {
        // Given every backend test model ONNX Runtime loads, each as a deployment of one endpoint
        var (cases, folders) = BackendTestCase.DeployAll(Workspace);
        await using var server = await KestrelServer.StartAsync(Workspace, BackendTestCase.Serving);

        // When each is asked to infer its first data set
        var failures = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            using var response = await server.Client.PostAsJsonAsync($"/v2/models/model-{i}/infer", BackendExpectations.Request(cases[i]));
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                failures.Add($"{cases[i].Name}: HTTP {(int)response.StatusCode} {body}");
                continue;
            }

            var (reference, exact) = BackendExpectations.Reference(cases[i]);
            failures.AddRange(BackendExpectations.Compare(reference, JsonNode.Parse(body)!, exact));
        }

        // Then
        output.WriteLine($"{cases.Count} of {folders} backend test models served; {failures.Count} failed");
        Assert.True(cases.Count >= 500, $"only {cases.Count} models could be loaded");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
