namespace RepoML.Cli.Tests.Registry;

/// <summary>Registering an ONNX model trained elsewhere records what it takes and answers, for <c>models show</c>.</summary>
public sealed class ForeignModelRegistryTests
{
    [Fact]
    public async Task Should_record_the_inputs_and_outputs_it_is_served_with_When_an_sklearn_model_is_registered_as_files()
    {
        // Given an skl2onnx classifier dropped into the repository
        using var workspace = RegistryCliTests.GitWorkspace();
        workspace.WriteBytes("exported/model.onnx", File.ReadAllBytes(TestModels.SklearnIris));

        // When it is registered and shown
        Assert.Equal(0, (await workspace.RunAsync("register", "models/credit.yml", "--path", "exported")).ExitCode);
        var json = JsonNode.Parse((await workspace.RunAsync("models", "show", "credit", "-o", "json")).Output)!;
        var text = (await workspace.RunAsync("models", "show", "credit")).Output;

        // Then its signature is among the version's properties, the ZipMap's probabilities as the server answers them
        var properties = json["record"]!["properties"]!;
        Assert.Equal("float_input FP32[-1,4]", properties["onnx.inputs"]!.GetValue<string>());
        Assert.Equal("label BYTES[-1]; output_probability sequence; probability_tensor FP32[-1,3]", properties["onnx.outputs"]!.GetValue<string>());
        Assert.Contains("onnx.inputs=float_input FP32[-1,4]", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_register_without_a_signature_When_the_file_is_not_a_model_onnx_runtime_loads()
    {
        // Given
        using var workspace = RegistryCliTests.GitWorkspace();
        workspace.Write("exported/model.onnx", "not a model");

        // When
        var run = await workspace.RunAsync("register", "models/credit.yml", "--path", "exported");
        var json = JsonNode.Parse((await workspace.RunAsync("models", "show", "credit", "-o", "json")).Output)!;

        // Then
        Assert.Equal(0, run.ExitCode);
        Assert.Null(json["record"]!["properties"]!["onnx.inputs"]);
    }
}
