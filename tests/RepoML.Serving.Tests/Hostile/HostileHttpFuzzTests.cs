using CsCheck;
using RepoML.Tests.Shared;
using Xunit.Abstractions;

namespace RepoML.Serving.Tests.Hostile;

/// <summary>
/// Generated hostile requests, written byte for byte to a real Kestrel on 127.0.0.1 (with data collection on): mutated
/// and random bodies, odd request ids, deployment pins, content types and keys, on every scoring and metadata route.
/// The server answers each, and never with a 5xx. Bounded in time; the counts go to the test output (and README's
/// security model table).
/// </summary>
public sealed class HostileHttpFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Seconds = 5;
    private const string ScoreBody = """{"data": [[5.1, 3.5, 1.4, 0.2]]}""";
    private static readonly string V2Body = GrpcRequests.IrisJson().ToJsonString();

    private static readonly string[] Routes =
    [
        "POST /score", "POST /v2/models/blue/infer", "POST /v2/models/iris/infer", "POST /v2/models/blue/versions/1/infer", "GET /v2/models/blue",
        "GET /swagger.json", "POST /v2/models/%2e%2e%2fblue/infer", "POST /v2/models/blue%E2%80%AE/infer", "PUT /score", "POST /score?x=%00",
    ];

    private static readonly string[] Tokens =
    [
        "NaN", "1e999", "-0", "\"\\ud800\"", "null", "[]", "{}", "\"x\"", "[[[[[[[[", "]]]", "true", "99999999999999999999999", "\"shape\":[-1,4]",
        "\"shape\":[4294967296,4294967296]", "\"datatype\":\"BYTES\"", "\"datatype\":\"FP64\"", "\"data\":\"", "\"inputs\":{}", "\"parameters\":{\"x\":[]}",
        ",", ":", "\u202E", "\u0000", "\\", "\"", "\"columns\":[\"a\"]", "\"index\":[1]", "\"data\":[[1,2,3]]", "\"data\":[]", "\"outputs\":[{\"name\":\"nope\"}]",
    ];

    private readonly EndpointWorkspace workspace = new EndpointWorkspace().Endpoint("blue=100").Deployment("blue",
        extra: "data_collector:\n  collections:\n    model_inputs:\n      enabled: 'True'\n    model_outputs:\n      enabled: 'True'\n");

    [Fact]
    public async Task Should_never_answer_5xx_When_hostile_bodies_and_headers_are_generated()
    {
        // Given a real server, and requests whose bodies are mutated valid ones or noise and whose headers are odd
        await using var server = await KestrelServer.StartAsync(workspace);
        var text = Gen.String[Gen.Char["ab:-_ \t\"'{}[],.0123456789eE+\\/\u0001\u007f\u00e9\u202E\u0660"], 0, 24];
        var mutated = Gen.OneOf(Gen.Const(ScoreBody), Gen.Const(V2Body)).Select(Gen.Int[0, 400], Gen.Int[0, 12], Gen.Int[0, Tokens.Length - 1],
            (body, at, cut, token) => body[..Math.Min(at, body.Length)] + Tokens[token] + body[Math.Min(body.Length, Math.Min(at, body.Length) + cut)..]);
        var body = Gen.OneOf(mutated, mutated.Select(Gen.Int[0, Tokens.Length - 1], (b, t) => b + Tokens[t]), text,
            Gen.Int[1, 5000].Select(d => new string('[', d) + "1" + new string(']', d)));
        var header = Gen.OneOf(Gen.Const(""), text.Select(v => "x-request-id: " + v), text.Select(v => "x-ms-client-request-id: " + v),
            text.Select(v => "azureml-model-deployment: " + v), text.Select(v => "Content-Type: " + v), Gen.Const("Content-Type: text/plain"),
            Gen.Const("Content-Encoding: gzip"), Gen.Const("Accept: application/x-protobuf"), text.Select(v => "Authorization: Bearer " + v));
        var requests = Gen.Int[0, Routes.Length - 1].Select(body, header.Array[0, 4], (route, b, h) => (Route: Routes[route], Body: b, Headers: h));
        var statuses = new ConcurrentDictionary<int, int>();
        var tried = 0;

        // When each is sent
        await requests.SampleAsync(async request =>
        {
            var bytes = Encoding.UTF8.GetBytes(request.Body);
            var head = RawHttp.Head([$"{request.Route} HTTP/1.1", $"Host: 127.0.0.1:{server.Address.Port}", $"Authorization: Bearer {server.Key}",
                "Content-Type: application/json", "Connection: close", $"Content-Length: {bytes.Length}", .. request.Headers.Where(h => h.Length > 0)]);
            var answer = await RawHttp.SendAsync(server.Address, head, s => s.WriteAsync(bytes).AsTask());
            statuses.AddOrUpdate(answer.Status, 1, (_, n) => n + 1);
            Interlocked.Increment(ref tried);

            // Then it is answered, never with a server error
            Assert.True(answer.Status < 500, $"{answer.Status} for {request.Route} {string.Join(" | ", request.Headers)} {request.Body}: {answer.Body}");
        }, time: Seconds);

        var counts = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
        output.WriteLine($"hostile HTTP: {tried} requests tried, 0 answered 5xx ({counts})");
        Assert.True(tried > 100, $"only {tried} requests in {Seconds} s");
        Assert.True(statuses.ContainsKey(200), "no generated request was scored: the generator only tests the front door");
    }

    public void Dispose() => workspace.Dispose();
}
