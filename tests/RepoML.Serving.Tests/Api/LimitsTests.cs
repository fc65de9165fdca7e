namespace RepoML.Serving.Tests.Api;

public sealed class LimitsTests : EndpointWorkspaceTests
{
    [Fact]
    public async Task Should_return_429_beyond_the_concurrency_limit_and_its_queue()
    {
        // Given one request at a time and one waiting
        Workspace.Endpoint("blue=100").Deployment("blue", extra: "request_settings:\n  max_concurrent_requests_per_instance: 1\n");
        await using var server = await KestrelServer.StartAsync(Workspace);
        var body = Rows(50_000);

        // When thirty-two slow requests arrive together
        var statuses = await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            using var response = await server.Client.PostAsync("/score", new StringContent(body, Encoding.UTF8, "application/json"));
            return response.StatusCode;
        }));

        // Then
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, s.ToString()));
    }

    [Fact]
    public async Task Should_return_408_When_scoring_takes_longer_than_request_timeout_ms()
    {
        Workspace.Endpoint("blue=100").Deployment("blue", extra: "request_settings:\n  request_timeout_ms: 1\n");
        await using var server = await KestrelServer.StartAsync(Workspace);

        using var response = await server.Client.PostAsync("/score", new StringContent(Rows(50_000), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestTimeout, response.StatusCode);
        Assert.Contains("request_timeout_ms", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Rows(int count) => "{\"data\": [" + string.Join(',', Enumerable.Repeat("[5.1, 3.5, 1.4, 0.2]", count)) + "]}";
}
