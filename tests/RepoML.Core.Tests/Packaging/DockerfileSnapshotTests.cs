using Snapshooter.Xunit;

namespace RepoML.Core.Tests.Packaging;

public sealed class DockerfileSnapshotTests
{
    [Fact]
    public void Should_match_the_snapshot_When_writing_an_onnx_deployment_dockerfile() =>
        ServingDockerfile.Write(ServingImageSpec.For(PackagingSamples.Lineage())).MatchSnapshot();

    [Fact]
    public void Should_match_the_snapshot_When_writing_a_custom_dotnet_scorer_deployment_dockerfile() =>
        ServingDockerfile.Write(ServingImageSpec.For(PackagingSamples.Lineage(optimized: false), customScorer: "CreditScorer.dll")).MatchSnapshot();

    [Fact]
    public void Should_point_code_configuration_at_the_built_scorer_and_keep_the_rest_When_writing_the_image_deployment_file()
    {
        var written = """
            $schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json
            name: blue
            # the scorer project, built by repoml serve
            code_configuration: {code: ./scorer, scoring_script: "CreditScorer.csproj"}
            model: azureml:credit@latest
            """;

        var image = ImageDeploymentFile.WithScorer("endpoints/credit/blue.yml", written, "CreditScorer.dll");

        Assert.Equal(written.Replace("{code: ./scorer, scoring_script: \"CreditScorer.csproj\"}",
            "{code: ../code, scoring_script: \"CreditScorer.dll\"}", StringComparison.Ordinal), image);
    }

    [Fact]
    public void Should_match_the_snapshot_When_writing_a_python_deployment_dockerfile() =>
        PythonDockerfile.Write(new PythonImageSpec(PackagingSamples.Lineage(optimized: false),
            "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest", "conda.yml", "score.py"))
            .MatchSnapshot();

    [Fact]
    public void Should_run_as_non_root_and_expose_the_port_When_writing_any_dockerfile()
    {
        var text = ServingDockerfile.Write(ServingImageSpec.For(PackagingSamples.Lineage(), port: 5001));

        Assert.Contains("USER 1654:1654", text, StringComparison.Ordinal);
        Assert.Contains("EXPOSE 5001", text, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_HTTP_PORTS=5001", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RUN ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_route_all_traffic_to_the_packaged_deployment_When_writing_the_image_endpoint_file()
    {
        var yaml = ImageEndpointFile.Write("credit", "key", "blue");

        Assert.Contains("auth_mode: key", yaml, StringComparison.Ordinal);
        Assert.EndsWith("traffic:\n  blue: 100\n", yaml.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
