using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace RepoML.Events.Tests;

/// <summary>A real HTTP server on 127.0.0.1 (HttpListener) that records requests and answers with a chosen status and body.</summary>
internal sealed class TestReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<ReceivedRequest, int, (int Status, string Body)> respond;
    private readonly Task loop;
    private int count;

    public TestReceiver(Func<ReceivedRequest, int, (int Status, string Body)> respond, int? port = null)
    {
        this.respond = respond;
        Port = port ?? FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

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

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var request = new ReceivedRequest(
                context.Request.HttpMethod,
                context.Request.Url!.PathAndQuery,
                context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
                body.ToArray());
            var (status, text) = respond(request, Interlocked.Increment(ref count));
            if (status is >= 200 and < 300)
            {
                Requests.Enqueue(request);
            }

            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
