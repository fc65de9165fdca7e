using System.Text.RegularExpressions;

namespace RepoML.Tests.Shared;

/// <summary>
/// <c>repoml serve</c> running in this process (through <see cref="CliRunner"/>) for a test: started, its address read
/// from what it prints, stopped as Ctrl+C stops it. Disposing stops it too, so a failed assertion leaves no server behind.
/// </summary>
internal sealed partial class CliServe : IAsyncDisposable
{
    private readonly StringWriter text = new();
    private readonly TextWriter output;
    private readonly CancellationTokenSource stop = new();
    private readonly Task<int> serving;

    private CliServe(string folder, string[] args)
    {
        output = TextWriter.Synchronized(text);
        serving = CliRunner.RunAsync(folder, args, output, TextWriter.Null, cancellation: stop.Token);
    }

    /// <summary>The address serve listens on ("Serving endpoint 'NAME' on http://…").</summary>
    public string Address { get; private set; } = "";

    /// <summary>What serve has printed so far.</summary>
    public string Output
    {
        get
        {
            // The synchronized writer locks on itself: read the text under the same lock.
            lock (output)
            {
                return text.ToString();
            }
        }
    }

    /// <summary>Runs <c>repoml <paramref name="args"/></c> (a serve command) in <paramref name="folder"/> and waits for its
    /// address, reading its output every 50 ms at most <paramref name="attempts"/> times; fails when serve exits first.</summary>
    public static async Task<CliServe> StartAsync(string folder, string[] args, int attempts = 400)
    {
        var serve = new CliServe(folder, args);
        for (var i = 0; i < attempts; i++)
        {
            if (ServingOn().Match(serve.Output) is { Success: true } match)
            {
                serve.Address = match.Groups[1].Value;
                return serve;
            }

            if (serve.serving.IsCompleted)
            {
                throw new InvalidOperationException($"serve exited with {await serve.serving}: {serve.Output}");
            }

            await Task.Delay(50);
        }

        await serve.DisposeAsync();
        throw new TimeoutException("serve did not start: " + serve.Output);
    }

    /// <summary>Stops serve as Ctrl+C does; returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await stop.CancelAsync();
        return await serving;
    }

    public async ValueTask DisposeAsync()
    {
        if (!serving.IsCompleted)
        {
            await stop.CancelAsync();
            await serving.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        stop.Dispose();
    }

    [GeneratedRegex(@"Serving endpoint '\w+' on (http://\S+)")]
    private static partial Regex ServingOn();
}
