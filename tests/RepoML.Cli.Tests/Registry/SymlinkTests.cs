namespace RepoML.Cli.Tests.Registry;

/// <summary>Symbolic links in a model folder: followed only inside the repository; escapes, loops and dangling links are diagnostics.</summary>
public sealed class SymlinkTests
{
    [Theory]
    [InlineData("passwd.onnx", "/etc/passwd", "outside the repository")]
    [InlineData("etc", "/etc", "outside the repository")]
    [InlineData("loop", "loop", "symbolic link loop")]
    [InlineData("gone.onnx", "missing.onnx", "dangling symbolic link")]
    public async Task Should_refuse_with_a_diagnostic_When_a_model_folder_holds_a_link_that_leaves_loops_or_dangles(string link, string target,
        string why)
    {
        // Given models/credit (the path of models/credit.yml, line 4) holding a hostile link
        using var workspace = RegistryCliTests.GitWorkspace();
        workspace.Write("models/credit/model.onnx", "bytes-1");
        File.CreateSymbolicLink(Path.Combine(workspace.Root, "models", "credit", link), target);

        // When it is validated and registered
        var validate = await workspace.RunAsync("validate");
        var register = await workspace.RunAsync("register", "models/credit.yml");

        // Then both exit 1 with RML0203 naming the file and the link, and nothing is registered
        Assert.Equal(1, validate.ExitCode);
        Assert.Contains("models/credit.yml:4:7", validate.Output + validate.Error, StringComparison.Ordinal);
        Assert.Contains(why, validate.Output + validate.Error, StringComparison.Ordinal);
        Assert.Equal(1, register.ExitCode);
        Assert.Contains("RML0203", register.Error, StringComparison.Ordinal);
        Assert.Contains($"models/credit/{link}", register.Error, StringComparison.Ordinal);
        Assert.Contains(why, register.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, "registry")));
    }

    [Fact]
    public async Task Should_register_When_a_link_stays_inside_the_repository()
    {
        using var workspace = RegistryCliTests.GitWorkspace();
        workspace.Write("shared/model.onnx", "bytes-1");
        File.CreateSymbolicLink(Path.Combine(workspace.Root, "models", "credit", "model.onnx"), "../../shared/model.onnx");

        var register = await workspace.RunAsync("register", "models/credit.yml");

        Assert.Equal(0, register.ExitCode);
    }
}
