using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RepoML.Serving.Hosting;
using RepoML.Serving.Security;

namespace RepoML.Containers.Tests;

/// <summary>The done-when: package, load, run in podman, score like <c>repoml serve</c>; same digest twice; labels via skopeo.</summary>
public sealed class PackagedImageTests(PackagedWorkspace workspace) : IClassFixture<PackagedWorkspace>
{
    [ContainerFact]
    public async Task Should_give_the_same_image_digest_When_packaging_the_same_commit_twice()
    {
        // Given blue packaged once (fixture) / When packaged again into another folder, from a fresh context
        var second = await workspace.PackageAsync("--out", ".repoml/second");

        // Then
        var digest = workspace.First.GetProperty("ArchiveDigest").GetString();
        Assert.StartsWith("sha256:", digest, StringComparison.Ordinal);
        Assert.Equal(digest, second.GetProperty("ArchiveDigest").GetString());
        Assert.Equal(workspace.First.GetProperty("ImageId").GetString(), second.GetProperty("ImageId").GetString());
        Assert.Equal(digest, workspace.First.GetProperty("PushedDigest").GetString());
        Assert.InRange(second.GetProperty("ImageBytes").GetInt64(), 10_000_000, 160_000_000);
    }

    [ContainerFact]
    public async Task Should_reuse_the_image_until_its_archive_changes_When_packaging_again_with_nothing_changed()
    {
        // Given blue packaged once (fixture) / When packaged again into the same folder
        var again = await workspace.PackageAsync();

        // Then the image and archive of the first build stand, said so
        Assert.Contains("image reused", again.GetProperty("Note").GetString(), StringComparison.Ordinal);
        Assert.Equal(workspace.First.GetProperty("ImageId").GetString(), again.GetProperty("ImageId").GetString());
        Assert.Equal(workspace.First.GetProperty("ArchiveDigest").GetString(), again.GetProperty("ArchiveDigest").GetString());

        // When the archive is altered on disk and the deployment packaged again
        var archive = again.GetProperty("ArchivePath").GetString()!;
        await File.AppendAllTextAsync(archive, "tampered");
        var rebuilt = await workspace.PackageAsync();

        // Then it is built again, to the same digest, and the archive holds the image again
        Assert.Equal(JsonValueKind.Null, rebuilt.GetProperty("Note").ValueKind);
        Assert.Equal(workspace.First.GetProperty("ArchiveDigest").GetString(), rebuilt.GetProperty("ArchiveDigest").GetString());
        Assert.DoesNotContain("tampered", await File.ReadAllTextAsync(archive), StringComparison.Ordinal);
    }

    [ContainerFact]
    public async Task Should_show_the_lineage_labels_When_inspecting_the_archive_with_skopeo()
    {
        var archive = workspace.First.GetProperty("ArchivePath").GetString()!;
        var tools = new ToolProcess(ContainersConfiguration.Create(PackagedWorkspace.CacheFolder));

        var image = await new SkopeoInspector(tools).InspectAsync("oci-archive:" + archive, CancellationToken.None);

        var head = TestGit.Run(workspace.Root, "rev-parse", "HEAD").Trim();
        Assert.Equal(head, image.Labels["org.opencontainers.image.revision"]);
        Assert.Equal("2025-05-20T12:30:00Z", image.Labels["org.opencontainers.image.created"]);
        Assert.Equal(workspace.First.GetProperty("Lineage").GetProperty("ModelDigest").GetString(), image.Labels["repoml.model.digest"]);
        Assert.StartsWith("sha256:", image.Labels["repoml.environment.digest"], StringComparison.Ordinal);
        Assert.Equal("onnx-serving", image.Labels["repoml.environment.name"]);
        Assert.Equal("0.1.0", image.Labels["repoml.version"]);
        Assert.Equal("true", image.Labels["repoml.model.optimized"]);
        Assert.Equal("1654:1654", image.User);
        Assert.Equal(image.Digest, workspace.First.GetProperty("ArchiveDigest").GetString());
    }

    [ContainerFact]
    public async Task Should_score_the_sample_request_like_repoml_serve_When_the_image_runs_in_podman()
    {
        // Given the packaged image running in podman on the host network
        var port = FreePort.Pick();
        var deploy = await workspace.Cli("deploy", "endpoints/credit", "--target", "container", "--port",
            port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("-> 200", deploy, StringComparison.Ordinal);
        var key = new ApiKeyStore(Path.Combine(workspace.Root, ".repoml", "keys")).Get("credit").Primary;

        // When the sample request is scored by the container and by the same server in this process
        var fromContainer = await ScoreAsync(new Uri($"http://127.0.0.1:{port}/"), key);
        string fromServe;
        await using (var local = await StartServerAsync())
        {
            fromServe = await ScoreAsync(local.Address, key);
        }

        // Then both give the same predictions (the image's model is graph-optimised: equal to float precision)
        AssertSameScores(JsonNode.Parse(fromServe)!, JsonNode.Parse(fromContainer)!);
        var down = await workspace.Cli("deploy", "endpoints/credit", "--down");
        Assert.Contains("repoml-credit-blue", down, StringComparison.Ordinal);
    }

    [ContainerFact]
    public async Task Should_answer_with_the_custom_scorer_When_an_image_packaged_from_a_scorer_project_runs_in_podman()
    {
        // Given an endpoint whose deployment is served by a .NET scorer project, packaged into an image
        workspace.AddIrisScorerEndpoint();
        var package = await workspace.Cli("package", "endpoints/iris", "--deployment", "blue");
        Assert.Contains("image.oci.tar", package, StringComparison.Ordinal);

        // When it runs in podman and is sent its sample request, two rows, and a body the scorer cannot read
        var port = FreePort.Pick();
        var deploy = await workspace.Cli("deploy", "endpoints/iris", "--target", "container", "--port",
            port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var key = new ApiKeyStore(Path.Combine(workspace.Root, ".repoml", "keys")).Get("iris").Primary;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var answer = await http.PostAsync("score", new StringContent("""{"data": [[6.7, 3.0, 5.2, 2.3], [5.1, 3.5, 1.4, 0.2]]}""",
            Encoding.UTF8, "application/json"));
        using var failure = await http.PostAsync("score", new StringContent("""{"rows": []}""", Encoding.UTF8, "application/json"));
        var failureBody = await failure.Content.ReadAsStringAsync();
        var down = await workspace.Cli("deploy", "endpoints/iris", "--down");

        // Then the scorer inside the image answered, with the server's own rules around it
        Assert.Contains("""-> 200 {"predictions":["setosa"]}""", deploy, StringComparison.Ordinal);
        Assert.Equal("""{"predictions":["virginica","setosa"]}""", await answer.Content.ReadAsStringAsync());
        Assert.Equal(500, (int)failure.StatusCode);
        Assert.DoesNotContain("KeyNotFoundException", failureBody, StringComparison.Ordinal);
        Assert.Contains("repoml-iris-blue", down, StringComparison.Ordinal);
    }

    private static void AssertSameScores(JsonNode expected, JsonNode actual)
    {
        switch (expected)
        {
            case JsonObject o:
                Assert.Equal(o.Select(p => p.Key).Order(), actual.AsObject().Select(p => p.Key).Order());
                foreach (var (name, value) in o)
                {
                    AssertSameScores(value!, actual[name]!);
                }

                break;
            case JsonArray a:
                Assert.Equal(a.Count, actual.AsArray().Count);
                for (var i = 0; i < a.Count; i++)
                {
                    AssertSameScores(a[i]!, actual[i]!);
                }

                break;
            default:
                if (expected.GetValueKind() == JsonValueKind.Number)
                {
                    Assert.Equal(expected.GetValue<double>(), actual.GetValue<double>(), 1e-5);
                }
                else
                {
                    Assert.Equal(expected.ToJsonString(), actual.ToJsonString());
                }

                break;
        }
    }

    private async Task<string> ScoreAsync(Uri server, string key)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "score"))
        {
            Content = new StringContent(File.ReadAllText(Path.Combine(workspace.Root, "endpoints", "credit", "sample-request.json")),
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{server}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>What `repoml serve endpoints/credit --model blue=model` runs: the same composition, on 127.0.0.1.</summary>
    private Task<ScoringServer> StartServerAsync() => ScoringServer.StartAsync(
        new ServingOptions
        {
            EndpointFolder = Path.Combine(workspace.Root, "endpoints", "credit"),
            WorkspaceRoot = workspace.Root,
            ModelOverrides = new Dictionary<string, string> { ["blue"] = Path.Combine(workspace.Root, "model") },
            WatchFiles = false,
        },
        "credit");
}
