namespace RepoML.Cli.Tests.Monitoring;

/// <summary>A real webhook receiver at http://127.0.0.1:{port}/hook that refuses the first <c>failures</c> requests with 503 and keeps the
/// accepted ones.</summary>
internal sealed class WebhookReceiver(int failures) : IDisposable
{
    private const string HookPath = "/hook";

    private readonly RecordingHttpServer server = new((request, attempt) =>
        request.Path != HookPath ? new HttpReply(404) : new HttpReply(attempt <= failures ? 503 : 200));

    public string Url => new Uri(server.BaseAddress, HookPath).ToString();

    public int Attempts => server.Attempts;

    /// <summary>Accepted requests: event id header, signature header and body text.</summary>
    public IReadOnlyList<(string Id, string Signature, string Body)> Accepted =>
        [.. server.Accepted.Select(r => (r.Headers.GetValueOrDefault("X-RepoML-Event-Id", ""),
            r.Headers.GetValueOrDefault("X-RepoML-Signature-256", ""), r.Text))];

    public void Dispose() => server.Dispose();
}
