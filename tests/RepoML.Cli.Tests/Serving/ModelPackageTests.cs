namespace RepoML.Cli.Tests.Serving;

/// <summary><c>repoml package</c> of a deployment served by ONNX Runtime (context only: no container tools needed).</summary>
public sealed class ModelPackageTests
{
    [Fact]
    public async Task Should_exit_1_naming_the_deployment_and_model_When_the_model_file_is_not_onnx()
    {
        // Given the iris endpoint whose model.onnx holds text instead of a model
        using var workspace = ServingWorkspace.Online()
            .Write("models/iris/model.onnx", "this is not a model\n");

        // When it is packaged
        var run = await workspace.RunAsync("package", "endpoints/iris", "--deployment", "blue", "--base-image", "example.invalid/base:1",
            "--context-only");

        // Then packaging stops with an error that says which deployment's model is bad, not an unexpected error
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: deployment 'blue': model ../../models/iris is not a valid ONNX model (", run.Error.Trim(),
            StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", run.Error, StringComparison.OrdinalIgnoreCase);
    }
}
