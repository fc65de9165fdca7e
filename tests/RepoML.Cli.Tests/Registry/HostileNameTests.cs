namespace RepoML.Cli.Tests.Registry;

/// <summary>Names from a spec become registry paths only through the name gate: nothing leaves the repository, nothing looks like another.</summary>
public sealed class HostileNameTests
{
    [Theory]
    [InlineData("../../../../escaped")]
    [InlineData("../../evil")]
    [InlineData("\"credit\\u202E\"")]
    [InlineData("\"cr\\u0435dit\"")]
    [InlineData("CON")]
    public async Task Should_refuse_to_register_and_write_nothing_When_the_name_is_not_a_safe_path_segment(string name)
    {
        // Given a model spec whose name is hostile
        using var workspace = RegistryCliTests.GitWorkspace();
        workspace.Write("models/hostile.yml", $"$schema: https://azuremlschemas.azureedge.net/latest/model.schema.json\nname: {name}\npath: ./trained\n");
        workspace.Write("trained/model.onnx", "bytes-1");
        var head = TestGit.Run(workspace.Root, "rev-parse", "HEAD");
        var wouldBe = Path.GetFullPath(Path.Combine(workspace.Root, "registry", "models", name));

        // When it is registered
        var run = await workspace.RunAsync("register", "models/hostile.yml");

        // Then exit 1 with RML0106 naming the problem; no commit, no record where the name would have put it
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("RML0106", run.Error, StringComparison.Ordinal);
        Assert.Contains("model name", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', run.Error);
        Assert.Equal(head, TestGit.Run(workspace.Root, "rev-parse", "HEAD"));
        Assert.False(Directory.Exists(wouldBe), wouldBe);
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, "registry")));
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, "evil")));
    }
}
