namespace RepoML.Serving.Tests.Support;

/// <summary>Waits for what a server or watcher reaches in its own time: a reload applied, a file change reported, a load
/// context collected.</summary>
internal static class Eventually
{
    /// <summary>Whether <paramref name="condition"/> holds within <paramref name="limit"/> (10 s unless given), asked every
    /// 100 ms.</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <inheritdoc cref="TrueAsync(Func{Task{bool}}, TimeSpan?)"/>
    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan? limit = null) =>
        TrueAsync(() => Task.FromResult(condition()), limit);

    /// <summary>The server's <c>/health/ready</c> answer: its deployments and the ones that failed to load.</summary>
    public static async Task<JsonObject> ReadyAsync(ScoringServer server)
    {
        using var response = await server.Client.GetAsync("/health/ready");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
