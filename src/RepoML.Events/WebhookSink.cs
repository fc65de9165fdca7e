using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace RepoML.Events;

/// <summary>
/// POSTs the structured CloudEvent to a URL. With a secret, <c>X-RepoML-Signature-256: sha256=&lt;hex&gt;</c> carries
/// HMAC-SHA256 of the exact body (as GitHub's <c>X-Hub-Signature-256</c>), so the receiver can check origin and integrity.
/// </summary>
public sealed class WebhookSink(SinkSettings settings, HttpClient http, string? secret) : IEventSink
{
    public const string SignatureHeader = "X-RepoML-Signature-256";
    public const string EventIdHeader = "X-RepoML-Event-Id";

    public SinkSettings Settings { get; } = settings;

    public bool Accepts(CloudEvent cloudEvent) => Settings.Accepts(cloudEvent.Type!);

    /// <summary>A sink whose file names a secret variable signs every event: with the variable unset or empty, nothing is sent unsigned.</summary>
    public string? NotReady => Settings.SecretEnv is { } variable && string.IsNullOrEmpty(secret)
        ? $"environment variable {variable} (the signing secret) is not set; events stay pending, none is sent unsigned"
        : null;

    public async Task SendAsync(CloudEvent cloudEvent, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (NotReady is { } why)
        {
            throw new IOException(why);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, Settings.Address);
        request.Content = new ReadOnlyMemoryContent(body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(CloudEventCodec.ContentType);
        request.Headers.Add(EventIdHeader, cloudEvent.Id);
        if (!string.IsNullOrEmpty(secret))
        {
            request.Headers.Add(SignatureHeader, Sign(secret, body.Span));
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"webhook answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }
    }

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of <paramref name="body"/> keyed by <paramref name="secret"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), body));
}
