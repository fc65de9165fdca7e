using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace RepoML.Tests.Shared;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) for a client under test to call: it records each request and answers it
/// through a function of the request and its attempt number (1 for the first request, then 2, ...). The requests it answered
/// with a 2xx status are also kept apart, as <see cref="Accepted"/>. Both are recorded before the answer goes out.
/// </summary>
internal sealed class RecordingHttpServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<RecordedHttpRequest, int, HttpReply> respond;
    private readonly List<RecordedHttpRequest> requests = [];
    private readonly List<RecordedHttpRequest> accepted = [];
    private readonly Task loop;
    private int attempts;

    /// <param name="respond">The answer to a request, given its attempt number; an exception becomes a 500.</param>
    /// <param name="port">The port to listen on; by default a free one.</param>
    public RecordingHttpServer(Func<RecordedHttpRequest, int, HttpReply> respond, int? port = null)
    {
        this.respond = respond;
        Port = port ?? FreePort.Pick();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        listener.Prefixes.Add(BaseAddress.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request recorded so far, in the order they came.</summary>
    public IReadOnlyList<RecordedHttpRequest> Requests => Snapshot(requests);

    /// <summary>The recorded requests that were answered with a 2xx status, in the order they came.</summary>
    public IReadOnlyList<RecordedHttpRequest> Accepted => Snapshot(accepted);

    /// <summary>How many requests came, including those forgotten by <see cref="ClearRequests"/>.</summary>
    public int Attempts => Volatile.Read(ref attempts);

    /// <summary>Forgets the requests recorded so far; the attempt numbers go on.</summary>
    public void ClearRequests()
    {
        lock (requests)
        {
            requests.Clear();
            accepted.Clear();
        }
    }

    public void Dispose()
    {
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await AnswerAsync(context);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException)
            {
                context.Response.Abort(); // the client went away; serve the next one
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = await ReadAsync(context.Request);
        var attempt = Interlocked.Increment(ref attempts);
        lock (requests)
        {
            requests.Add(request);
        }

        var reply = Reply(request, attempt);
        request.Status = reply.Status;
        if (reply.Status is >= 200 and < 300)
        {
            lock (requests)
            {
                accepted.Add(request);
            }
        }

        context.Response.StatusCode = reply.Status;
        if (reply.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(reply.Body));
        }

        context.Response.Close();
    }

    private HttpReply Reply(RecordedHttpRequest request, int attempt)
    {
        try
        {
            return respond(request, attempt);
        }
        catch (Exception ex)
        {
            // Whatever the test's answer throws goes back to the client under test, not into the listener loop.
            return new HttpReply(500, new JsonObject { ["message"] = $"{ex.GetType().Name}: {ex.Message}" }.ToJsonString());
        }
    }

    private static async Task<RecordedHttpRequest> ReadAsync(HttpListenerRequest request)
    {
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body);
        var headers = request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        return new RecordedHttpRequest(request.HttpMethod, request.Url!.PathAndQuery, headers, body.ToArray());
    }

    private IReadOnlyList<RecordedHttpRequest> Snapshot(List<RecordedHttpRequest> list)
    {
        lock (requests)
        {
            return [.. list];
        }
    }
}
