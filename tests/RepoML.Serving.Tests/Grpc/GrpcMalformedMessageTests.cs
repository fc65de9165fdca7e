using System.Net.Http.Headers;
using CsCheck;
using Google.Protobuf;
using Xunit.Abstractions;

namespace RepoML.Serving.Tests.Grpc;

/// <summary>
/// A gRPC request whose message is not valid protobuf is the client's mistake: INVALID_ARGUMENT (not INTERNAL, which
/// reads as a server error), and never counted as a server error by the rollout gates. Generated messages (time-bounded)
/// never get UNKNOWN or INTERNAL; the count goes to the test output (and README's security model table).
/// </summary>
public sealed class GrpcMalformedMessageTests(ITestOutputHelper output) : IDisposable
{
    private readonly EndpointWorkspace workspace = new EndpointWorkspace().Endpoint("blue=100").Deployment("blue");

    [Theory]
    [InlineData(new byte[] { 0xff, 0xff, 0xff, 0xff, 0x0f })]
    [InlineData(new byte[] { 0x0a, 0x40, 0x62 })]
    [InlineData(new byte[] { 0x22, 0x05, 0x0a, 0x03 })]
    public async Task Should_answer_invalid_argument_When_the_message_is_not_valid_protobuf(byte[] message)
    {
        // Given
        await using var server = await KestrelServer.StartWithGrpcAsync(workspace);
        using var client = new HttpClient { BaseAddress = server.GrpcAddress };

        // When
        var (status, detail) = await InferAsync(client, server.Key, message);

        // Then
        Assert.True(status == "3", $"grpc-status {status}: {detail}");
        Assert.Contains("not valid protobuf", detail, StringComparison.Ordinal);
        var metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Equal(0, RepoML.Core.Rollout.DeploymentCounters.From(RepoML.Core.Monitoring.PrometheusText.Parse(metrics), "blue").Errors);
    }

    [Fact]
    public async Task Should_never_answer_unknown_or_internal_When_messages_are_generated()
    {
        // Given random bytes, and a valid request with bytes flipped, cut or repeated
        await using var server = await KestrelServer.StartWithGrpcAsync(workspace);
        using var client = new HttpClient { BaseAddress = server.GrpcAddress };
        var valid = GrpcRequests.Iris("blue", raw: true, [5.1, 3.5, 1.4, 0.2]).ToByteArray();
        var mutated = Gen.Int[0, valid.Length - 1].Select(Gen.Byte, Gen.Int[0, valid.Length], (at, value, cut) =>
        {
            var bytes = (byte[])valid.Clone();
            bytes[at] = value;
            return bytes[..cut];
        });
        var messages = Gen.OneOf(Gen.Byte.Array[0, 300], mutated, mutated.Select(m => (byte[])[.. m, .. m]));
        var statuses = new ConcurrentDictionary<string, int>();
        var tried = 0;

        // When each is sent to ModelInfer
        // (asynchronously: threads blocked on HTTP/2 calls starve the pool that completes them, and a 2-core runner then sends a few dozen)
        await messages.SampleAsync(async message =>
        {
            var (status, detail) = await InferAsync(client, server.Key, message);
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            Interlocked.Increment(ref tried);

            // Then the answer is a status of its own: never UNKNOWN (2) or INTERNAL (13), which read as server errors
            Assert.True(status is not "2" and not "13", $"grpc-status {status}: {detail} for {Convert.ToHexString(message)}");
        }, time: 3);

        var counts = string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}"));
        output.WriteLine($"hostile gRPC messages: {tried} tried, 0 answered UNKNOWN or INTERNAL (grpc-status {counts})");
        Assert.True(tried > 50, $"only {tried} messages");
    }

    private static async Task<(string Status, string Detail)> InferAsync(HttpClient client, string key, byte[] message)
    {
        var frame = new byte[5 + message.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame, 5);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/inference.GRPCInferenceService/ModelInfer") { Content = new ByteArrayContent(frame),
            Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var status = response.Headers.TryGetValues("grpc-status", out var inHeaders) ? inHeaders.Single()
            : response.TrailingHeaders.TryGetValues("grpc-status", out var inTrailers) ? inTrailers.Single()
            : $"none (HTTP {(int)response.StatusCode})";
        var detail = response.Headers.TryGetValues("grpc-message", out var h) ? h.Single()
            : response.TrailingHeaders.TryGetValues("grpc-message", out var t) ? t.Single() : "";
        return (status, Uri.UnescapeDataString(detail));
    }

    public void Dispose() => workspace.Dispose();
}
