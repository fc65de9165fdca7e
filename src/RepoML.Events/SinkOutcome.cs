namespace RepoML.Events;

/// <summary>What one flush did for one sink: events delivered, events skipped by its type filter, events still pending and the last error.</summary>
public sealed record SinkOutcome(string Sink, int Delivered, int Skipped, int Pending, string? Error)
{
    public bool Healthy => Error is null;
}
