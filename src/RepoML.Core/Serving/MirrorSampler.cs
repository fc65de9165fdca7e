namespace RepoML.Core.Serving;

/// <summary>
/// Decides which requests are copied to a shadow deployment: exactly <c>percent</c> of every 100 requests,
/// spread evenly (an accumulator, not a random draw), so tests and rollouts see the configured share. Thread-safe.
/// </summary>
public sealed class MirrorSampler(string deployment, int percent)
{
    private long seen;

    public string Deployment { get; } = deployment;

    public int Percent { get; } = Math.Clamp(percent, 0, 100);

    /// <summary>Whether the current request is mirrored.</summary>
    public bool ShouldMirror()
    {
        if (Percent == 0)
        {
            return false;
        }

        var n = Interlocked.Increment(ref seen);
        // Mirror request n when floor(n·p/100) steps up: p of every 100, evenly spaced.
        return (n * Percent / 100) != ((n - 1) * Percent / 100);
    }
}
