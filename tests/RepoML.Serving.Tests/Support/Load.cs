namespace RepoML.Serving.Tests.Support;

/// <summary>Bounded concurrent request loops against a server.</summary>
internal static class Load
{
    /// <summary>Sends <paramref name="total"/> single-row requests from <paramref name="workers"/> loops; returns (status, deployment) per
    /// request.</summary>
    public static async Task<IReadOnlyList<(int Status, string? Deployment)>> RunAsync(HttpClient client, int total, int workers,
        Func<JsonObject>? body = null)
    {
        var results = new ConcurrentBag<(int, string?)>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < total)
            {
                using var response = await client.ScoreAsync(body?.Invoke() ?? Requests.OneIris());
                results.Add(((int)response.StatusCode, Deployment(response)));
            }
        }));
        return [.. results];
    }

    /// <summary>Keeps <paramref name="workers"/> loops sending until <paramref name="stop"/> is cancelled.</summary>
    public static Task<List<(int Status, string? Deployment)>> UntilAsync(HttpClient client, int workers, CancellationToken stop,
        Func<JsonObject>? body = null)
    {
        var results = new ConcurrentQueue<(int, string?)>();
        var loops = Enumerable.Range(0, workers).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await client.ScoreAsync(body?.Invoke() ?? Requests.OneIris());
                results.Enqueue(((int)response.StatusCode, Deployment(response)));
            }
        });
        return Task.WhenAll(loops).ContinueWith(_ => results.ToList(), TaskScheduler.Default);
    }

    /// <summary>
    /// Keeps <paramref name="workers"/> loops sending while <paramref name="change"/> runs: 300 ms of load before it and
    /// 300 ms after it, so that requests are in flight across the change on both sides; returns every request's result.
    /// </summary>
    public static async Task<List<(int Status, string? Deployment)>> AcrossAsync(HttpClient client, int workers, Func<Task> change,
        Func<JsonObject>? body = null)
    {
        using var stop = new CancellationTokenSource();
        var load = UntilAsync(client, workers, stop.Token, body);
        try
        {
            await Task.Delay(300);
            await change();
            await Task.Delay(300);
        }
        finally
        {
            await stop.CancelAsync();
        }

        return await load;
    }

    public static string? Deployment(HttpResponseMessage response) =>
        response.Headers.TryGetValues("azureml-model-deployment", out var values) ? values.Single() : null;
}
