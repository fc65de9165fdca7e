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

    [Theory]
    [InlineData("../../x")]
    [InlineData("../../x:1")]
    [InlineData("credit\u202E:1")]
    [InlineData("cr\u0435dit:1")]
    public async Task Should_refuse_to_download_and_write_nothing_When_the_reference_names_a_hostile_name(string reference)
    {
        // Given a registry holding credit:1
        using var workspace = RegistryCliTests.GitWorkspace();
        workspace.Write("a/model.onnx", "a");
        Assert.Equal(0, (await workspace.RunAsync("register", "models/credit.yml", "--path", "a")).ExitCode);

        // When a hostile name is downloaded
        var run = await workspace.RunAsync("models", "download", reference, "--to", "out");

        // Then exit 1 with RML0106 (the raw bidi character never printed), nothing written
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("RML0106", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', run.Error);
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, "out")));
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("\"blue\\u202E\"")]
    public async Task Should_refuse_to_package_and_write_nothing_outside_When_the_deployment_name_is_hostile(string name)
    {
        // Given the iris endpoint with a second deployment whose name is hostile
        using var workspace = Serving.ServingWorkspace.Online().Write("endpoints/iris/evil.yml", $"""
            $schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json
            name: {name}
            endpoint_name: iris
            model:
              path: ../../models/iris
            instance_type: Standard_DS3_v2
            instance_count: 1
            """);
        var parsed = name.StartsWith('"') ? "blue\u202E" : name;

        // When it is packaged
        var run = await workspace.RunAsync("package", "endpoints/iris", "--deployment", parsed, "--base-image", "example.invalid/base:1",
            "--context-only");

        // Then exit 1 with RML0106 before anything is written
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("RML0106", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', run.Error);
        Assert.False(File.Exists(Path.Combine(workspace.Root, "x.yml")));
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, ".repoml", "x")));
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, ".repoml", "package")));
    }
}
