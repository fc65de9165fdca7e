using System.Net.Http.Headers;

namespace RepoML.Serving.Tests.Grpc;

/// <summary>
/// A gRPC request whose message is not valid protobuf is the client's mistake: INVALID_ARGUMENT (not INTERNAL, which
/// reads as a server error), and never counted as a server error by the rollout gates.
/// </summary>
public sealed class GrpcMalformedMessageTests : IDisposable
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
        var frame = new byte[5 + message.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame, 5);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/inference.GRPCInferenceService/ModelInfer") { Content = new ByteArrayContent(frame),
            Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.Key);

        // When
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        // Then
        var status = response.Headers.TryGetValues("grpc-status", out var inHeaders) ? inHeaders.Single()
            : response.TrailingHeaders.TryGetValues("grpc-status", out var inTrailers) ? inTrailers.Single()
            : $"none (HTTP {(int)response.StatusCode} {response.Version}; {response.Headers}; {response.TrailingHeaders})";
        var detail = response.Headers.TryGetValues("grpc-message", out var h) ? h.Single()
            : response.TrailingHeaders.TryGetValues("grpc-message", out var t) ? t.Single() : "";
        Assert.True(status == "3", $"grpc-status {status}: {Uri.UnescapeDataString(detail)}");
        var metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Equal(0, RepoML.Core.Rollout.DeploymentCounters.From(RepoML.Core.Monitoring.PrometheusText.Parse(metrics), "blue").Errors);
    }

    public void Dispose() => workspace.Dispose();
}
