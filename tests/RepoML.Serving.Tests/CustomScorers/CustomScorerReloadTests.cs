using System.Runtime.CompilerServices;

namespace RepoML.Serving.Tests.CustomScorers;

/// <summary>Hot reload of custom scorer deployments: replaced under load, rebuilt when their code changes, unloaded when gone.</summary>
[Collection(CustomScorerCollection.Name)]
public sealed class CustomScorerReloadTests(ScorerBuilds builds) : EndpointWorkspaceTests
{
    [Fact]
    public async Task Should_drop_no_request_and_unload_the_old_scorer_When_its_deployment_is_removed_under_load()
    {
        // Given two scorer deployments taking traffic
        var code = Workspace.Scorer("IrisOnnxScorer");
        var model = Workspace.IrisModelFolder();
        Workspace.Endpoint("blue=50,green=50").ScorerDeployment("blue", code, "IrisOnnxScorer.csproj", model).ScorerDeployment("green", code,
            "IrisOnnxScorer.csproj", model);
        await using var server = await KestrelServer.StartAsync(Workspace, builds.Options);
        var blue = LoadContextOf(server, "blue");

        // When all traffic moves to green and blue's file is deleted while requests are in flight (the endpoint no longer names
        // blue: traffic naming a deployment that does not exist is refused, as repoml validate refuses it)
        var switched = false;
        var results = await Load.AcrossAsync(server.Client, workers: 4, async () =>
        {
            Workspace.Endpoint("green=100");
            Workspace.Delete("blue");
            switched = await Eventually.TrueAsync(async () => (await server.ReadyAsync())["deployments"]!.AsArray().Count == 1);
        }, OneRow);

        // Then no request failed, and blue's assemblies were unloaded once its last request was done
        Assert.True(switched, "the reload was not applied");
        Assert.True(results.Count > 20, $"only {results.Count} requests were sent");
        Assert.All(results, r => Assert.Equal(200, r.Status));
        Assert.All(results.TakeLast(10), r => Assert.Equal("green", r.Deployment));
        Assert.True(await Eventually.TrueAsync(() => Collected(blue)), "blue's load context is still alive");
    }

    [Fact]
    public async Task Should_rebuild_and_serve_the_new_code_When_a_source_file_of_the_project_is_saved()
    {
        // Given
        var code = Workspace.Scorer("IrisOnnxScorer", "Edited");
        Workspace.Endpoint("blue=100").ScorerDeployment("blue", code, "IrisOnnxScorer.csproj", Workspace.IrisModelFolder());
        await using var server = await KestrelServer.StartAsync(Workspace, builds.Options);
        var before = await (await server.Client.ScoreAsync(OneRow())).Content.ReadAsStringAsync();

        // When the scorer's code changes, and nothing else
        Edit(Path.Combine(Workspace.Folder, code, "IrisScorer.cs"), "\"predictions\"", "\"labels\"");
        var statuses = new List<HttpStatusCode>();
        var after = await ScoreUntilAsync(server, "labels", statuses);

        // Then the old build served until the new one was ready
        Assert.Equal("""{"predictions":["setosa"]}""", before);
        Assert.Equal("""{"labels":["setosa"]}""", after);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var scorer = server.App.Services.GetRequiredService<EndpointHost>().State!.Deployments["blue"].Scorer!;
        Assert.True(scorer.Build!.Built);
        Assert.NotEqual(builds.Iris.Digest, scorer.Build.Digest);
    }

    [Fact]
    public async Task Should_keep_serving_the_previous_build_and_report_the_error_When_an_edit_does_not_compile_until_it_is_fixed()
    {
        // Given a served scorer
        var code = Workspace.Scorer("IrisOnnxScorer", "Broken");
        Workspace.Endpoint("blue=100").ScorerDeployment("blue", code, "IrisOnnxScorer.csproj", Workspace.IrisModelFolder());
        await using var server = await KestrelServer.StartAsync(Workspace, builds.Options);
        var source = Path.Combine(Workspace.Folder, code, "IrisScorer.cs");
        var original = File.ReadAllText(source);

        // When an edit breaks the build
        Edit(source, "public sealed class", "public sealed clas");
        var failed = await Eventually.TrueAsync(async () => (await server.ReadyAsync())["failed"]?["blue"] is not null,
            TimeSpan.FromSeconds(90));
        var ready = await server.ReadyAsync();
        using var during = await server.Client.ScoreAsync(OneRow());
        var answerDuring = await during.Content.ReadAsStringAsync();

        // and is then undone
        File.WriteAllText(source, original);
        var recovered = await Eventually.TrueAsync(async () => (await server.ReadyAsync())["failed"]!.AsObject().Count == 0,
            TimeSpan.FromSeconds(30));

        // Then the previous build answered all along, and readiness said why the new code was not served
        Assert.True(failed, $"the broken edit was not noticed: {ready}");
        Assert.Contains("building scorers/Broken/IrisOnnxScorer.csproj failed", ready["failed"]!["blue"]!.GetValue<string>(),
            StringComparison.Ordinal);
        Assert.Contains("the previous version keeps serving", ready["failed"]!["blue"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(ready["ready"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Equal("""{"predictions":["setosa"]}""", answerDuring);
        Assert.True(recovered, "the fixed code was not reloaded");
        var scorer = server.App.Services.GetRequiredService<EndpointHost>().State!.Deployments["blue"].Scorer!;
        Assert.Equal(builds.Iris.Digest, scorer.Build!.Digest);
    }

    private static void Edit(string file, string from, string to) =>
        File.WriteAllText(file, File.ReadAllText(file).Replace(from, to, StringComparison.Ordinal));

    private static async Task<string?> ScoreUntilAsync(ScoringServer server, string expected, List<HttpStatusCode> statuses)
    {
        string? answer = null;
        await Eventually.TrueAsync(async () =>
        {
            using var response = await server.Client.ScoreAsync(OneRow());
            statuses.Add(response.StatusCode);
            answer = await response.Content.ReadAsStringAsync();
            return answer.Contains(expected, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(90));
        return answer;
    }

    private static JsonObject OneRow() => new() { ["data"] = new JsonArray(new JsonArray(5.1, 3.5, 1.4, 0.2)) };

    // Kept out of line so that no strong reference to the scorer stays on the test's stack.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadContextOf(ScoringServer server, string deployment) =>
        server.App.Services.GetRequiredService<EndpointHost>().State!.Deployments[deployment].Scorer!.LoadContext;

    private static bool Collected(WeakReference context)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return !context.IsAlive;
    }
}
