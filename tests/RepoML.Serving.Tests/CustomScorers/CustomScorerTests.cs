using System.Runtime.Loader;

namespace RepoML.Serving.Tests.CustomScorers;

/// <summary>Custom .NET scorers named by code_configuration, built by the real dotnet build and served on a real Kestrel.</summary>
[Collection(CustomScorerCollection.Name)]
public sealed class CustomScorerTests(ScorerBuilds builds) : EndpointWorkspaceTests
{
    private static readonly JsonObject TwoIrisRows = new() { ["data"] = new JsonArray(new JsonArray(5.1, 3.5, 1.4, 0.2), new JsonArray(6.7, 3.0,
        5.2, 2.3)) };

    [Fact]
    public async Task Should_answer_score_with_the_scorers_json_When_the_deployment_names_a_scorer_project()
    {
        // Given
        await using var server = await StartIrisScorerAsync();

        // When
        using var response = await server.Client.ScoreAsync(TwoIrisRows);

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"predictions":["setosa","virginica"]}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("blue", Load.Deployment(response));
        Assert.Contains("repoml_requests_total{deployment=\"blue\",protocol=\"azureml\",status=\"200\"} 1",
            await server.Client.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_share_the_hosts_onnx_runtime_When_the_scorer_references_it()
    {
        await using var server = await StartIrisScorerAsync();
        using var response = await server.Client.ScoreAsync(TwoIrisRows);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scorers = AssemblyLoadContext.All.Where(c => c.Name?.StartsWith("scorer:blue:", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(scorers);
        Assert.All(scorers, c => Assert.DoesNotContain(c.Assemblies, a => a.GetName().Name == "Microsoft.ML.OnnxRuntime"));
        Assert.Contains(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "Microsoft.ML.OnnxRuntime");
    }

    [Fact]
    public async Task Should_not_rebuild_When_the_project_is_unchanged()
    {
        // Given the fixture built the project once, and two deployments use copies of it
        Workspace.Endpoint("blue=50,green=50")
            .ScorerDeployment("blue", Workspace.Scorer("IrisOnnxScorer"), "IrisOnnxScorer.csproj", Workspace.IrisModelFolder())
            .ScorerDeployment("green", Workspace.Scorer("IrisOnnxScorer", "IrisOnnxScorer-copy"), "IrisOnnxScorer.csproj",
                Workspace.IrisModelFolder());
        var written = File.GetLastWriteTimeUtc(builds.Iris.AssemblyPath);
        var entries = Directory.GetDirectories(builds.CacheFolder).Length;

        // When
        await using var server = await KestrelServer.StartAsync(Workspace, builds.Options);
        var state = server.App.Services.GetRequiredService<EndpointHost>().State!;
        using var response = await server.Client.ScoreAsync(TwoIrisRows);

        // Then both load the cached build, which is left as it was
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(builds.Iris.Built);
        Assert.All(state.Deployments.Values, d =>
        {
            Assert.False(d.Scorer!.Build!.Built);
            Assert.Equal(builds.Iris.AssemblyPath, d.Scorer.AssemblyPath);
        });
        Assert.Equal(written, File.GetLastWriteTimeUtc(builds.Iris.AssemblyPath));
        Assert.Equal(entries, Directory.GetDirectories(builds.CacheFolder).Length);
    }

    [Fact]
    public async Task Should_load_the_assembly_When_the_scoring_script_is_a_dll()
    {
        Workspace.Endpoint("blue=100").ScorerDeployment("blue", Path.GetDirectoryName(builds.Iris.AssemblyPath)!, "IrisOnnxScorer.dll",
            Workspace.IrisModelFolder());

        await using var server = await KestrelServer.StartAsync(Workspace, builds.Options);
        using var response = await server.Client.ScoreAsync(TwoIrisRows);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"predictions":["setosa","virginica"]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_return_500_problem_details_without_the_stack_When_the_scorers_run_throws()
    {
        // Given
        Workspace.Endpoint("blue=100").ScorerDeployment("blue", Workspace.Scorer("FailingScorer"), "FailingScorer.csproj", modelPath: null);
        await using var server = await KestrelServer.StartAsync(Workspace, builds.Options);

        // When
        using var response = await server.Client.ScoreAsync(TwoIrisRows);

        // Then
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(500, JsonNode.Parse(text)!["status"]!.GetValue<int>());
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-detail", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_fail_the_deployment_with_the_message_When_init_throws()
    {
        var model = Workspace.IrisModelFolder("corrupt", ("init-fails.txt", "the model is corrupt"));
        Workspace.Endpoint("blue=100").ScorerDeployment("blue", Workspace.Scorer("FailingScorer"), "FailingScorer.csproj", model);

        await using var server = await KestrelServer.StartAsync(Workspace, builds.Options);
        var failure = await FailureAsync(server, "blue");

        Assert.Contains("FailingScorer.FailingScorer.Init failed: the model is corrupt", failure, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await server.Client.ScoreAsync(TwoIrisRows, "blue")).StatusCode);
    }

    [Fact]
    public async Task Should_fail_the_deployment_naming_the_compile_error_When_the_project_does_not_build()
    {
        // Given a copy of the scorer with a type error in it
        var code = Workspace.Scorer("IrisOnnxScorer", "Broken");
        File.WriteAllText(Path.Combine(Workspace.Folder, code, "Broken.cs"),
            "namespace IrisOnnxScorer;\ninternal static class Broken\n{\n    public static int Value = \"not a number\";\n}\n");
        Workspace.Endpoint("blue=100").ScorerDeployment("blue", code, "IrisOnnxScorer.csproj", Workspace.IrisModelFolder());
        var entries = Directory.GetDirectories(builds.CacheFolder).Length;

        // When
        await using var server = await KestrelServer.StartAsync(Workspace, builds.Options);
        var failure = await FailureAsync(server, "blue");

        // Then the compiler's error is in the message, and nothing is cached
        Assert.Contains("building scorers/Broken/IrisOnnxScorer.csproj failed", failure, StringComparison.Ordinal);
        Assert.Contains("scorers/Broken/Broken.cs(4,31): error CS0029: Cannot implicitly convert type 'string' to 'int'", failure,
            StringComparison.Ordinal);
        Assert.Equal(entries, Directory.GetDirectories(builds.CacheFolder).Length);
    }

    [Theory]
    [InlineData("score.py", "runs the Python scoring script 'score.py', which needs the container target (repoml package)")]
    [InlineData("Scorer.cs", "scoring script 'Scorer.cs' cannot be served locally: code_configuration.scoring_script must be a .NET " +
        "scorer project (.csproj) or assembly (.dll)")]
    [InlineData("score.R", "scoring script 'score.R' cannot be served locally")]
    [InlineData("Missing.csproj", "scoring script 'Missing.csproj' does not exist in code folder")]
    public async Task Should_name_the_file_and_what_is_accepted_When_the_scoring_script_cannot_be_served(string script, string message)
    {
        var code = Directory.CreateDirectory(Path.Combine(Workspace.Folder, "code")).FullName;
        File.WriteAllText(Path.Combine(code, script == "Missing.csproj" ? "Other.csproj" : script), "");
        Workspace.Endpoint("blue=100").ScorerDeployment("blue", "code", script, Workspace.IrisModelFolder());

        await using var server = await KestrelServer.StartAsync(Workspace, builds.Options);

        Assert.Contains(message, await FailureAsync(server, "blue"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_describe_any_json_and_refuse_v2_infer_When_the_deployment_is_a_custom_scorer()
    {
        await using var server = await StartIrisScorerAsync();

        var swagger = (await server.Client.GetFromJsonAsync<JsonObject>("/swagger.json"))!;
        var metadata = (await server.Client.GetFromJsonAsync<JsonObject>("/v2/models/blue"))!;
        using var infer = await server.Client.PostAsync("/v2/models/blue/infer", new StringContent("""{"inputs": []}""", Encoding.UTF8,
            "application/json"));

        Assert.Contains("IrisOnnxScorer.IrisScorer", swagger["info"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(swagger["components"]!["schemas"]!["ServiceInput"]!["type"]);
        Assert.Equal("repoml_dotnet_scorer", metadata["platform"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, infer.StatusCode);
        Assert.Contains("answers POST /score only", await infer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> FailureAsync(ScoringServer server, string deployment)
    {
        var ready = await server.ReadyAsync();
        return ready["failed"]?[deployment]?.GetValue<string>()
            ?? throw new Xunit.Sdk.XunitException($"deployment '{deployment}' did not fail: {ready}");
    }

    /// <summary>Blue serves the IrisOnnxScorer project over the iris model, on a server with the fixture's built scorers.</summary>
    private Task<ScoringServer> StartIrisScorerAsync()
    {
        Workspace.Endpoint("blue=100").ScorerDeployment("blue", Workspace.Scorer("IrisOnnxScorer"), "IrisOnnxScorer.csproj",
            Workspace.IrisModelFolder());
        return KestrelServer.StartAsync(Workspace, builds.Options);
    }
}
