namespace RepoML.Events;

/// <summary>A delivery target. <see cref="SendAsync"/> throws when the event was not accepted; delivery retries it.</summary>
public interface IEventSink
{
    SinkSettings Settings { get; }

    /// <summary>Whether this sink takes events of this type at all (skipped events count as acknowledged).</summary>
    bool Accepts(CloudEvent cloudEvent);

    Task SendAsync(CloudEvent cloudEvent, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

    /// <summary>Why this sink must not send now (e.g. its signing secret is configured but not set), or null: its events stay pending.</summary>
    string? NotReady => null;
}
