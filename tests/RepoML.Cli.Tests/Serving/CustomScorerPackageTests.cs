namespace RepoML.Cli.Tests.Serving;

/// <summary><c>repoml package</c> of a deployment served by a custom .NET scorer project (context only: no container tools needed).</summary>
public sealed class CustomScorerPackageTests
{
    [Fact]
    public async Task Should_put_the_built_scorer_in_the_context_and_point_the_deployment_at_it_When_packaging_a_scorer_project()
    {
        // Given the iris endpoint whose deployment names the test scorer project
        using var workspace = ServingWorkspace.OnlineWithScorer();

        // When
        var run = await workspace.RunAsync("package", "endpoints/iris", "--deployment", "blue", "--base-image", "example.invalid/base:1",
            "--context-only");

        // Then the context holds the scorer built for linux-x64, and the image's deployment file names it
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        var context = Path.Combine(workspace.Root, ".repoml", "package", "iris", "blue", "context");
        Assert.True(File.Exists(Path.Combine(context, "code", "IrisOnnxScorer.dll")));
        Assert.True(File.Exists(Path.Combine(context, "code", "libonnxruntime.so")));
        var deployment = File.ReadAllText(Path.Combine(context, "endpoint", "blue.yml"));
        Assert.Contains("code_configuration:\n  code: ../code\n  scoring_script: IrisOnnxScorer.dll\n", deployment, StringComparison.Ordinal);
        Assert.Contains("COPY code/ /app/code/", File.ReadAllText(Path.Combine(context, "Dockerfile")), StringComparison.Ordinal);
        Assert.Contains("building endpoints/iris/scorer/IrisOnnxScorer.csproj (linux-x64)", run.Error, StringComparison.Ordinal);

        // And the server is the one this repoml carries: its assembly, the files its deps.json names, and no source was published
        Assert.True(File.Exists(Path.Combine(context, "server", "RepoML.Serving.dll")));
        Assert.True(File.Exists(Path.Combine(context, "server", "RepoML.Serving.runtimeconfig.json")));
        Assert.True(File.Exists(Path.Combine(context, "server", "YamlDotNet.dll")));
        Assert.DoesNotContain("publishing", run.Error, StringComparison.Ordinal);
    }

}
