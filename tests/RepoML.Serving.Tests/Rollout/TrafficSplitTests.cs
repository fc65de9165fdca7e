namespace RepoML.Serving.Tests.Rollout;

/// <summary>Controlled rollout over real HTTP on 127.0.0.1: split, mirror, hot reload under load.</summary>
public sealed class TrafficSplitTests : EndpointWorkspaceTests
{
    [Fact]
    public async Task Should_land_within_3_points_of_90_10_When_2000_requests_are_split()
    {
        // Given
        await using var server = await KestrelServer.StartBlueAndGreenAsync(Workspace, "blue=90,green=10");

        // When
        var results = await Load.RunAsync(server.Client, 2000, workers: 8);

        // Then
        Assert.All(results, r => Assert.Equal(200, r.Status));
        var blueShare = 100.0 * results.Count(r => r.Deployment == "blue") / results.Count;
        Assert.InRange(blueShare, 87, 93);
    }

    [Fact]
    public async Task Should_pin_the_deployment_the_header_names_When_v2_infer_names_the_endpoint()
    {
        // Given
        await using var server = await KestrelServer.StartBlueAndGreenAsync(Workspace, "blue=90,green=10");

        // When twenty v2 requests name the endpoint and pin green by header
        var deployments = new List<string?>();
        for (var i = 0; i < 20; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/models/iris/infer") { Content = JsonContent.Create(GrpcRequests.IrisJson()) };
            request.Headers.Add("azureml-model-deployment", "green");
            using var response = await server.Client.SendAsync(request);
            Assert.Equal(200, (int)response.StatusCode);
            deployments.Add(Load.Deployment(response));
        }

        // Then
        Assert.All(deployments, d => Assert.Equal("green", d));
    }

    [Fact]
    public async Task Should_copy_the_mirrored_share_to_the_shadow_without_changing_responses()
    {
        // Given a shadow (green) that takes no live traffic but half the requests as mirror copies
        await using var server = await KestrelServer.StartBlueAndGreenAsync(Workspace, "blue=100,green=0", mirror: "green=50");
        var expected = await (await server.Client.ScoreAsync(Requests.OneIris(), "blue")).Content.ReadAsStringAsync();

        // When
        var bodies = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            using var response = await server.Client.ScoreAsync(Requests.OneIris());
            Assert.Equal("blue", Load.Deployment(response));
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        // Then every caller got blue's answer, and the shadow scored its copies
        Assert.All(bodies, b => Assert.Equal(expected, b));
        var mirrored = 0.0;
        await Eventually.TrueAsync(async () => (mirrored = MetricsText.Value(await server.Client.GetStringAsync("/metrics"),
            "repoml_mirrored_requests_total{deployment=\"green\",outcome=\"scored\"}")) >= 100, TimeSpan.FromSeconds(5));

        Assert.Equal(100, mirrored);
    }

    [Fact]
    public async Task Should_drop_no_request_When_traffic_shifts_and_a_deployment_is_removed_under_load()
    {
        // Given
        await using var server = await KestrelServer.StartBlueAndGreenAsync(Workspace, "blue=90,green=10");

        // When all traffic moves to green and blue's file is deleted while requests are in flight (the endpoint no longer names
        // blue: traffic naming a deployment that does not exist is refused, as repoml validate refuses it)
        var switched = false;
        var results = await Load.AcrossAsync(server.Client, workers: 8, async () =>
        {
            Workspace.Endpoint("green=100");
            Workspace.Delete("blue");
            switched = await Eventually.TrueAsync(async () => (await server.ReadyAsync())["deployments"]!.AsArray().Count == 1,
                TimeSpan.FromSeconds(5));
        });

        // Then
        Assert.True(switched, "the reload was not applied");
        Assert.True(results.Count > 100, $"only {results.Count} requests were sent");
        Assert.All(results, r => Assert.Equal(200, r.Status));
        Assert.All(results.TakeLast(20), r => Assert.Equal("green", r.Deployment));
    }
}
