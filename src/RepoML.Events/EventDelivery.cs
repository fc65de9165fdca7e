namespace RepoML.Events;

/// <summary>
/// Delivers the outbox to every sink, in order, at least once: each event is tried up to <c>max_attempts</c> times with
/// exponential backoff; a sink that still fails stops where it is (its offset stays), and the next flush resumes there.
/// </summary>
public sealed class EventDelivery(FileOutbox outbox, SinkProgress progress, IReadOnlyList<IEventSink> sinks, EventsSettings settings,
    TimeProvider time)
{
    public async Task<IReadOnlyList<SinkOutcome>> FlushAsync(CancellationToken cancellationToken = default)
    {
        var outcomes = new List<SinkOutcome>();
        foreach (var sink in sinks)
        {
            outcomes.Add(await FlushSinkAsync(sink, cancellationToken));
        }

        return outcomes;
    }

    /// <summary>Events not yet acknowledged by <paramref name="sink"/>.</summary>
    public int PendingFor(string sink) => outbox.ReadFrom(progress.Offset(sink)).Count();

    private async Task<SinkOutcome> FlushSinkAsync(IEventSink sink, CancellationToken cancellationToken)
    {
        var name = sink.Settings.Name;
        var pending = outbox.ReadFrom(progress.Offset(name)).ToList();
        if (sink.NotReady is { } why && pending.Count > 0)
        {
            // Not counted as delivered, not retried with backoff: kept for a flush once the sink is configured.
            return new SinkOutcome(name, 0, 0, pending.Count, why);
        }

        int delivered = 0, skipped = 0;
        for (var i = 0; i < pending.Count; i++)
        {
            var (cloudEvent, end) = pending[i];
            if (!sink.Accepts(cloudEvent))
            {
                skipped++;
                progress.Save(name, end, cloudEvent.Id, time.GetUtcNow());
                continue;
            }

            var error = await TryDeliverAsync(sink, cloudEvent, cancellationToken);
            if (error is not null)
            {
                return new SinkOutcome(name, delivered, skipped, pending.Count - i, $"event {cloudEvent.Id} ({cloudEvent.Type}): {error}");
            }

            delivered++;
            progress.Save(name, end, cloudEvent.Id, time.GetUtcNow());
        }

        return new SinkOutcome(name, delivered, skipped, 0, null);
    }

    private async Task<string?> TryDeliverAsync(IEventSink sink, CloudNative.CloudEvents.CloudEvent cloudEvent, CancellationToken cancellationToken)
    {
        var body = CloudEventCodec.Encode(cloudEvent);
        string? error = null;
        for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(settings.Backoff(attempt), time, cancellationToken);
            }

            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(settings.Timeout);
                await sink.SendAsync(cloudEvent, body, timeout.Token);
                return null;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Azure.RequestFailedException or IOException
                && !cancellationToken.IsCancellationRequested)
            {
                error = $"attempt {attempt}/{settings.MaxAttempts}: {ex.Message}";
            }
        }

        return error;
    }
}
