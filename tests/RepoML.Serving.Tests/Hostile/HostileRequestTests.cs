using RepoML.Tests.Shared;

namespace RepoML.Serving.Tests.Hostile;

/// <summary>
/// Whatever a client sends over raw HTTP/1.1 to a real Kestrel on 127.0.0.1, the server answers 4xx with a reason, never 500,
/// and client errors never count as the server errors that rollout gates read.
/// </summary>
public sealed class HostileRequestTests : CollectingBlueEndpointTests
{
    /// <summary>Each odd text of <see cref="HostileStrings.OddCharacters"/> under each header a caller's request id is read from.</summary>
    public static TheoryData<string, string> OddRequestIds()
    {
        var ids = new TheoryData<string, string>();
        foreach (var header in new[] { "x-request-id", "x-ms-client-request-id" })
        {
            foreach (var value in HostileStrings.OddCharacters)
            {
                ids.Add(header, value);
            }
        }

        return ids;
    }

    [Theory]
    [MemberData(nameof(OddRequestIds))]
    public async Task Should_score_with_a_fresh_request_id_When_the_callers_id_has_odd_characters(string header, string value)
    {
        // Given
        await using var server = await KestrelServer.StartAsync(Workspace);

        // When
        var answer = await RawHttp.SendAsync(server.Address, Score(server, $"{header}: {value}"), WriteOneRow);

        // Then: scored (or refused by Kestrel itself as a bad request), never a server error
        Assert.True(answer.Status is 200 or 400, $"{answer.Status}: {answer.Body}");
        if (answer.Status == 200)
        {
            Assert.True(Guid.TryParse(answer.Headers["x-request-id"], out _), answer.Headers["x-request-id"]);
        }
    }

    [Fact]
    public async Task Should_keep_the_callers_request_id_When_it_is_plain_ascii()
    {
        await using var server = await KestrelServer.StartAsync(Workspace);

        var answer = await RawHttp.SendAsync(server.Address, Score(server, "x-request-id: order-42/a.b_c"), WriteOneRow);

        Assert.Equal(200, answer.Status);
        Assert.Equal("order-42/a.b_c", answer.Headers["x-request-id"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_answer_413_When_a_chunked_body_is_larger_than_the_limit(bool grpc)
    {
        // Given a 64 KiB limit, with and without the gRPC listener (which lifts Kestrel's own limit)
        Func<ServingOptions, ServingOptions> limit = o => new ServingOptions { EndpointFolder = o.EndpointFolder, WorkspaceRoot = o.WorkspaceRoot,
            MaxRequestBodyBytes = 64 * 1024 };
        await using var server = grpc ? await KestrelServer.StartWithGrpcAsync(Workspace, limit) : await KestrelServer.StartAsync(Workspace, limit);

        // When 1 MiB arrives in chunks, with no Content-Length
        var answer = await RawHttp.SendAsync(server.Address, Score(server, "Transfer-Encoding: chunked", contentLength: false), RawHttp.Chunked(256, 4096));

        // Then
        Assert.Equal(413, answer.Status);
        Assert.Contains("larger than", answer.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"data\": [[5.1, 3.5", "not valid JSON")]
    [InlineData("\u00ff\u00fe", "not valid JSON")]
    [InlineData("[]", "")]
    public async Task Should_answer_400_with_a_reason_When_the_body_is_malformed(string body, string reason)
    {
        await using var server = await KestrelServer.StartAsync(Workspace);

        var answer = await RawHttp.SendAsync(server.Address, Score(server, $"Content-Length: {Encoding.UTF8.GetByteCount(body)}", contentLength: false),
            s => s.WriteAsync(Encoding.UTF8.GetBytes(body)).AsTask());

        Assert.Equal(400, answer.Status);
        Assert.Contains(reason, answer.Body, StringComparison.Ordinal);
    }

    /// <summary>
    /// Valid bodies with one string (a value or a property name) replaced by the JSON escape of half a surrogate pair: valid JSON,
    /// but not text, so System.Text.Json refuses to read it as a string.
    /// </summary>
    public static TheoryData<string, string> LoneSurrogates()
    {
        const string lone = "\\ud800";
        var v2 = GrpcRequests.IrisJson().ToJsonString();
        v2 = v2.Replace("]}]}", "]}],\"outputs\":[{\"name\":\"label\"}]}", StringComparison.Ordinal);
        return new()
        {
            { "/score", OneRow.Replace("{", "{\"note\": \"" + lone + "\", ", StringComparison.Ordinal) },
            { "/score", OneRow.Replace("5.1", "\"" + lone + "\"", StringComparison.Ordinal) },
            { "/score", "{\"columns\": [\"" + lone + "\", \"b\", \"c\", \"d\"], \"data\": [[5.1, 3.5, 1.4, 0.2]]}" },
            { "/score", "{\"data\": [{\"" + lone + "\": 5.1}]}" },
            { "/v2/models/blue/infer", v2.Replace("iris-1", lone, StringComparison.Ordinal) },
            { "/v2/models/blue/infer", v2.Replace("sepal_length", lone, StringComparison.Ordinal) },
            { "/v2/models/blue/infer", v2.Replace("FP32", lone, StringComparison.Ordinal) },
            { "/v2/models/blue/infer", v2.Replace("label", lone, StringComparison.Ordinal) },
            { "/v2/models/blue/infer", v2.Replace("\"id\"", "\"" + lone + "\"", StringComparison.Ordinal) },
        };
    }

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public async Task Should_answer_400_When_a_json_string_holds_half_a_surrogate_pair(string route, string body)
    {
        await using var server = await KestrelServer.StartAsync(Workspace);
        var bytes = Encoding.UTF8.GetBytes(body);

        var answer = await RawHttp.SendAsync(server.Address, RawHttp.Head($"POST {route} HTTP/1.1", $"Host: 127.0.0.1:{server.Address.Port}",
            $"Authorization: Bearer {server.Key}", "Content-Type: application/json", "Connection: close", $"Content-Length: {bytes.Length}"),
            s => s.WriteAsync(bytes).AsTask());

        Assert.Equal(400, answer.Status);
        Assert.Contains("surrogate", answer.Body, StringComparison.Ordinal);
    }

    /// <summary>Valid bodies with one string's text replaced by a byte that is not UTF-8 (0xFF), which JSON parsers pass through.</summary>
    public static TheoryData<string, byte[]> NotUtf8()
    {
        static byte[] With(string body, string text)
        {
            var at = body.IndexOf(text, StringComparison.Ordinal); // ASCII bodies: a character is a byte
            return [.. Encoding.UTF8.GetBytes(body[..at]), 0xFF, .. Encoding.UTF8.GetBytes(body[(at + text.Length)..])];
        }

        var v2 = GrpcRequests.IrisJson().ToJsonString();
        return new()
        {
            { "/score", With("{\"input_data\": {\"columns\": [\"col\", \"b\", \"c\", \"d\"], \"data\": [[5.1, 3.5, 1.4, 0.2]]}}", "col") },
            { "/score", With("{\"data\": [[\"cell\", 3.5, 1.4, 0.2]]}", "cell") },
            { "/v2/models/blue/infer", With(v2, "iris-1") },
            { "/v2/models/blue/infer", With(v2, "FP32") },
        };
    }

    [Theory]
    [MemberData(nameof(NotUtf8))]
    public async Task Should_answer_400_When_a_json_string_holds_a_byte_that_is_not_utf8(string route, byte[] body)
    {
        await using var server = await KestrelServer.StartAsync(Workspace);

        var answer = await RawHttp.SendAsync(server.Address, RawHttp.Head($"POST {route} HTTP/1.1", $"Host: 127.0.0.1:{server.Address.Port}",
            $"Authorization: Bearer {server.Key}", "Content-Type: application/json", "Connection: close", $"Content-Length: {body.Length}"),
            s => s.WriteAsync(body).AsTask());

        Assert.Equal(400, answer.Status);
        Assert.Contains("not UTF-8", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_score_and_echo_the_id_When_it_escapes_a_whole_surrogate_pair()
    {
        await using var server = await KestrelServer.StartAsync(Workspace);
        var body = GrpcRequests.IrisJson().ToJsonString().Replace("iris-1", "order-\\ud83d\\ude00", StringComparison.Ordinal);

        using var response = await server.Client.PostAsync("/v2/models/blue/infer", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("order-\U0001F600", answer.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Should_say_nested_too_deep_When_the_json_is_ten_thousand_levels_deep()
    {
        await using var server = await KestrelServer.StartAsync(Workspace);
        var body = new string('[', 10_000) + new string(']', 10_000);

        var answer = await RawHttp.SendAsync(server.Address, Score(server, $"Content-Length: {body.Length}", contentLength: false),
            s => s.WriteAsync(Encoding.ASCII.GetBytes(body)).AsTask());

        Assert.Equal(400, answer.Status);
        Assert.Contains("nested too deep", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_not_count_client_errors_as_server_errors()
    {
        // Given
        await using var server = await KestrelServer.StartAsync(Workspace);

        // When a client sends only bad requests
        for (var i = 0; i < 5; i++)
        {
            using var response = await server.Client.PostAsync("/score", new StringContent("{\"data\": \"nope\"}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        // Then the rollout gate's counters see requests but no errors
        var metrics = await server.Client.GetStringAsync("/metrics");
        var counters = RepoML.Core.Rollout.DeploymentCounters.From(RepoML.Core.Monitoring.PrometheusText.Parse(metrics), "blue");
        Assert.Equal(5, counters.Requests);
        Assert.Equal(0, counters.Errors);
        Assert.Contains("repoml_request_client_errors_total{deployment=\"blue\",reason=\"bad_request\"} 5", metrics, StringComparison.Ordinal);
    }

    private static Task WriteOneRow(Stream body) => body.WriteAsync(Encoding.UTF8.GetBytes(OneRow)).AsTask();

    private static byte[] Score(ScoringServer server, string header, bool contentLength = true) => RawHttp.Head(
        "POST /score HTTP/1.1", $"Host: 127.0.0.1:{server.Address.Port}", $"Authorization: Bearer {server.Key}", "Content-Type: application/json",
        "Connection: close", contentLength ? $"Content-Length: {Encoding.UTF8.GetByteCount(OneRow)}" : header, contentLength ? header : "X-Pad: 1");
}
