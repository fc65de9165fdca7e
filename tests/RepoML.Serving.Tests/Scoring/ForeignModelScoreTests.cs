using RepoML.Serving.Tests.Conformance;

namespace RepoML.Serving.Tests.Scoring;

/// <summary>
/// /score on ONNX models RepoML did not train (the ONNX backend test models of libonnx-testdata), served on a real Kestrel:
/// models whose tensors are not one row per entry get a 400 that says so, never a 500 or a wrong answer.
/// </summary>
public sealed class ForeignModelScoreTests() : EndpointWorkspaceTests("foreign")
{
    private static string Model(string test) => Path.Combine(LibOnnxTestDataFactAttribute.Folder, "node", test, "model.onnx");

    [LibOnnxTestDataFact]
    public async Task Should_answer_400_naming_the_output_When_a_model_reduces_over_the_rows()
    {
        // Given ArgMax over axis 0 with keepdims: data [2,2] → result [1,2], one answer for both rows
        Workspace.Endpoint("argmax=100").Deployment("argmax", Model("test_argmax_default_axis_example"));
        await using var server = await KestrelServer.StartAsync(Workspace);

        // When its two rows are scored
        using var response = await server.Client.PostAsJsonAsync("/score", new { data = new[] { new[] { 2f, 1f }, new[] { 3f, 10f } } });

        // Then
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("model output 'result' has shape [1,2], not one entry per row for the 2 row(s) scored", body, StringComparison.Ordinal);
    }

    [LibOnnxTestDataFact]
    public async Task Should_answer_400_not_the_first_value_When_an_output_is_longer_than_the_rows()
    {
        // Given Range(start, limit, delta) of scalars: one row in, [10, 7] out
        Workspace.Endpoint("range=100").Deployment("range", Model("test_range_int32_type_negative_delta"));
        await using var server = await KestrelServer.StartAsync(Workspace);

        // When one row is scored
        using var response = await server.Client.PostAsJsonAsync("/score", new { data = new[] { new[] { 10, 6, -3 } } });

        // Then
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("model output 'output' has shape [2], not one entry per row for the 1 row(s) scored", body, StringComparison.Ordinal);
    }
}
