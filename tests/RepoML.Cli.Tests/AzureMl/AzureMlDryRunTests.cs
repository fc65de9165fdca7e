using RepoML.Tests.Shared.AzureMl;

namespace RepoML.Cli.Tests.AzureMl;

/// <summary>
/// <c>--dry-run --output json</c> of <c>repoml run</c> and <c>repoml deploy</c> with <c>--target azureml</c>: the exact requests,
/// printed without a credential or a network, and every one of them what the REST spec of the pinned api-version allows.
/// </summary>
public sealed class AzureMlDryRunTests
{
    private static readonly SwaggerValidator Validator = new(SwaggerSpec.Load("2024-10-01"));

    [Fact]
    public async Task Should_print_only_requests_the_spec_allows_When_the_sample_pipeline_is_dry_run()
    {
        // When: no credential in the environment, only the workspace's coordinates.
        var run = await SampleRepository.RunAsync(RepositoryRoot.Path, SampleRepository.Environment(), "run", "pipelines/train.yml", "--target", "azureml", "--dry-run", "--output", "json");

        // Then
        Assert.True(run.ExitCode == 0, run.Error);
        var output = JsonNode.Parse(run.Output)!;
        var requests = output["requests"]!.AsArray();
        AssertConforms(requests);
        Assert.All(requests, r => Assert.Equal("2024-10-01", r!["apiVersion"]!.GetValue<string>()));
        var job = requests[^1]!;
        Assert.Equal("PUT", job["method"]!.GetValue<string>());
        Assert.Contains("/workspaces/repoml-ws/jobs/repoml-train-", job["path"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(4, requests.Count(r => r!["path"]!.GetValue<string>().Contains("/components/azureml_anonymous/versions/", StringComparison.Ordinal)));
        Assert.Equal(["data/credit/credit.csv", "models/credit.yml"], output["uploads"]!.AsArray().Select(u => u!["source"]!.GetValue<string>()));
        Assert.StartsWith("azureml://datastores/workspaceblobstore/paths/LocalUpload/", job["body"]!["properties"]!["inputs"]!["data"]!["uri"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_show_the_spec_placeholders_When_no_workspace_is_configured()
    {
        // When: nothing set at all.
        var run = await SampleRepository.RunAsync(RepositoryRoot.Path, new Dictionary<string, string>(), "run", "pipelines/train.yml", "--target", "azureml", "--dry-run", "-o", "json");

        // Then
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/{workspaceName}/",
            JsonNode.Parse(run.Output)!["requests"]![0]!["path"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_print_only_requests_the_spec_allows_When_the_credit_endpoint_is_dry_run()
    {
        // Given: the sample repository with credit:1 registered.
        using var repository = new SampleRepository();
        File.Copy(Path.Combine(RepositoryRoot.Path, "tests/TestData/iris_multiclass_linear.onnx"), Path.Combine(repository.Root, "model.onnx"));
        var registered = await SampleRepository.RunAsync(repository.Root, SampleRepository.Environment(), "register", "models/credit.yml", "--path", "model.onnx");
        Assert.True(registered.ExitCode == 0, registered.Error);

        // When
        var run = await SampleRepository.RunAsync(repository.Root, SampleRepository.Environment(),
            "deploy", "endpoints/credit", "--target", "azureml", "--image", "registry.example/credit-serving:1.0", "--dry-run", "--output", "json");

        // Then: conforming requests, in the order Azure ML needs, the model's files uploaded before its version.
        Assert.True(run.ExitCode == 0, run.Error);
        var output = JsonNode.Parse(run.Output)!;
        var requests = output["requests"]!.AsArray();
        AssertConforms(requests);
        var writes = requests.Where(r => r!["method"]!.GetValue<string>() == "PUT").Select(r => r!["path"]!.GetValue<string>().Split("/workspaces/repoml-ws/")[1]);
        Assert.Equal(
            ["models/credit/versions/1", "environments/onnx-serving/versions/1.0", "onlineEndpoints/credit", "onlineEndpoints/credit/deployments/blue",
             "onlineEndpoints/credit/deployments/green", "onlineEndpoints/credit"], writes);
        var model = requests.First(r => r!["method"]!.GetValue<string>() == "PUT")!["body"]!;
        Assert.Null(model["location"]);
        Assert.Equal(model["properties"]!["modelUri"]!.GetValue<string>() + "model.onnx", Assert.Single(output["uploads"]!.AsArray())!["destination"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_be_a_usage_error_When_dry_run_is_given_without_the_azureml_target()
    {
        // When: a local run and a local deploy asked for a dry run, which they have not.
        var run = await SampleRepository.RunAsync(RepositoryRoot.Path, SampleRepository.Environment(), "run", "pipelines/train.yml", "--dry-run");
        var deploy = await SampleRepository.RunAsync(RepositoryRoot.Path, SampleRepository.Environment(), "deploy", "endpoints/credit", "--dry-run");

        // Then: refused, nothing ran.
        Assert.Equal((2, 2), (run.ExitCode, deploy.ExitCode));
        Assert.Contains("--dry-run apply to --target azureml", run.Error, StringComparison.Ordinal);
        Assert.Contains("--dry-run applies to --target azureml", deploy.Error, StringComparison.Ordinal);
    }

    private static void AssertConforms(JsonArray requests)
    {
        var problems = requests.Select(r => (Request: r!, Problem: SpecRequestCheck.Check(Validator, r!["method"]!.GetValue<string>(), r["path"]!.GetValue<string>(), r["body"]?.ToJsonString())))
            .Where(p => p.Problem is not null)
            .Select(p => $"{p.Request["method"]} {p.Request["path"]}: {p.Problem!.Value.Message} {string.Join("; ", p.Problem.Value.Details)}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
