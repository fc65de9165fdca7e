using Grpc.Core;

namespace RepoML.Serving.Tests.Api;

/// <summary><c>request_settings</c> limits, which REST and gRPC apply alike: each answers in its own protocol's status.</summary>
public sealed class LimitsTests : EndpointWorkspaceTests
{
    [Theory]
    [InlineData(false, "TooManyRequests")]
    [InlineData(true, "ResourceExhausted")]
    public async Task Should_refuse_as_busy_beyond_the_concurrency_limit_and_its_queue_When_scored_over_rest_or_grpc(bool grpc, string busy)
    {
        // Given one request at a time and one waiting
        await using var server = await StartAsync(grpc, "request_settings:\n  max_concurrent_requests_per_instance: 1\n");

        // When thirty-two slow requests arrive together
        var answers = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => SlowScoreAsync(server, grpc)));

        // Then: 429 over REST, resource exhausted over gRPC
        var statuses = answers.Select(a => a.Status).ToList();
        Assert.Contains(busy, statuses);
        Assert.Contains("OK", statuses);
        Assert.All(statuses, s => Assert.True(s == "OK" || s == busy, s));
    }

    [Theory]
    [InlineData(false, "RequestTimeout")]
    [InlineData(true, "DeadlineExceeded")]
    public async Task Should_answer_the_timeout_status_naming_the_setting_When_scoring_takes_longer_than_request_timeout_ms(bool grpc, string timeout)
    {
        // Given a timeout of 1 ms
        await using var server = await StartAsync(grpc, "request_settings:\n  request_timeout_ms: 1\n");

        // When a slow request is scored
        var (status, detail) = await SlowScoreAsync(server, grpc);

        // Then: 408 over REST, deadline exceeded over gRPC
        Assert.Equal(timeout, status);
        Assert.Contains("request_timeout_ms", detail, StringComparison.Ordinal);
    }

    private async Task<ScoringServer> StartAsync(bool grpc, string requestSettings)
    {
        Workspace.Endpoint("blue=100").Deployment("blue", extra: requestSettings);
        return grpc ? await KestrelServer.StartWithGrpcAsync(Workspace) : await KestrelServer.StartAsync(Workspace);
    }

    /// <summary>50,000 rows scored on /score or inferred over gRPC (raw contents): the answer's status name, and its body or detail.</summary>
    private static async Task<(string Status, string Detail)> SlowScoreAsync(ScoringServer server, bool grpc)
    {
        if (!grpc)
        {
            var body = "{\"data\": [" + string.Join(',', Enumerable.Repeat("[5.1, 3.5, 1.4, 0.2]", 50_000)) + "]}";
            using var response = await server.Client.PostAsync("/score", new StringContent(body, Encoding.UTF8, "application/json"));
            return (response.StatusCode.ToString(), await response.Content.ReadAsStringAsync());
        }

        try
        {
            await server.Grpc!.ModelInferAsync(GrpcRequests.ManyIris("blue"));
            return (StatusCode.OK.ToString(), "");
        }
        catch (RpcException ex)
        {
            return (ex.StatusCode.ToString(), ex.Status.Detail);
        }
    }
}
