using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace RepoML.Cli.Tests.Monitoring;

/// <summary>A real webhook receiver on 127.0.0.1 that refuses the first <c>failures</c> requests with 503 and keeps the accepted ones.</summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;
    private readonly int failures;
    private int seen;

    public WebhookReceiver(int failures)
    {
        this.failures = failures;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/hook";
        }

        listener.Prefixes.Add(Url + "/");
        listener.Start();
        loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public int Attempts => seen;

    /// <summary>Accepted requests: event id header and body text.</summary>
    public ConcurrentQueue<(string Id, string Signature, string Body)> Accepted { get; } = new();

    public void Dispose()
    {
        listener.Close();
        try { loop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
    }

    private async Task LoopAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            if (Interlocked.Increment(ref seen) <= failures)
            {
                context.Response.StatusCode = 503;
            }
            else
            {
                Accepted.Enqueue((context.Request.Headers["X-RepoML-Event-Id"] ?? "", context.Request.Headers["X-RepoML-Signature-256"] ?? "", body));
                context.Response.StatusCode = 200;
            }

            context.Response.Close();
        }
    }
}
