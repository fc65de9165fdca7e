namespace RepoML.Core.Events;

/// <summary>The events file: the CloudEvents source, retry policy and sinks.</summary>
/// <param name="Source">CloudEvents <c>source</c> for every event; null = derived from the repository folder.</param>
public sealed record EventsSettings(string? Source, int MaxAttempts, TimeSpan InitialBackoff, TimeSpan MaxBackoff, TimeSpan Timeout,
    IReadOnlyList<SinkSettings> Sinks)
{
    /// <summary>No events file: events still go to the outbox, no sink is called.</summary>
    public static EventsSettings Empty { get; } = new(null, 5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(10), []);

    /// <summary>The wait before attempt <paramref name="attempt"/> (2, 3, …): initial · 2^(attempt−2), capped.</summary>
    public TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 2))));
}
