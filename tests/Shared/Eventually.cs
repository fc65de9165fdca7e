namespace RepoML.Tests.Shared;

/// <summary>Waits for what a server, watcher or process reaches in its own time: a reload applied, a file change reported,
/// a load context collected, a child process ended. Every test's polling goes through here.</summary>
internal static class Eventually
{
    /// <summary>Whether <paramref name="condition"/> holds within <paramref name="limit"/> (10 s unless given), asked every
    /// <paramref name="interval"/> (100 ms unless given).</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? limit = null, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100));
        }

        return false;
    }

    /// <inheritdoc cref="TrueAsync(Func{Task{bool}}, TimeSpan?, TimeSpan?)"/>
    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan? limit = null, TimeSpan? interval = null) =>
        TrueAsync(() => Task.FromResult(condition()), limit, interval);
}
