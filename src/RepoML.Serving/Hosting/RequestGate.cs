namespace RepoML.Serving.Hosting;

/// <summary>
/// <c>max_concurrent_requests_per_instance</c> with a bounded queue: up to the limit run at once, as many again wait,
/// and any beyond that are refused at once (429) rather than piling up.
/// </summary>
public sealed class RequestGate(int? maxConcurrent, int queueLimit) : IDisposable
{
    private readonly SemaphoreSlim? slots = maxConcurrent is > 0 ? new SemaphoreSlim(maxConcurrent.Value, maxConcurrent.Value) : null;
    private readonly int capacity = (maxConcurrent ?? 0) + queueLimit;
    private int admitted;

    /// <summary>False when the queue is full. Throws <see cref="OperationCanceledException"/> when the wait is cancelled.</summary>
    public async ValueTask<bool> EnterAsync(CancellationToken cancellation)
    {
        if (slots is null)
        {
            return true;
        }

        if (Interlocked.Increment(ref admitted) > capacity)
        {
            Interlocked.Decrement(ref admitted);
            return false;
        }

        try
        {
            await slots.WaitAsync(cancellation);
            return true;
        }
        catch
        {
            Interlocked.Decrement(ref admitted);
            throw;
        }
    }

    public void Exit()
    {
        if (slots is not null)
        {
            slots.Release();
            Interlocked.Decrement(ref admitted);
        }
    }

    public void Dispose() => slots?.Dispose();
}
