namespace RepoML.Events;

/// <summary>
/// The <see cref="IEventPublisher"/> commands use: append to the outbox (durable), then try to deliver right away. A sink
/// that is down only leaves the event pending for <c>repoml events flush</c>; it never fails the command.
/// </summary>
public sealed class OutboxEventPublisher(FileOutbox outbox, EventDelivery? delivery, TextWriter log) : IEventPublisher
{
    public IReadOnlyList<SinkOutcome> LastOutcomes { get; private set; } = [];

    public async Task PublishAsync(LifecycleEvent lifecycleEvent, CancellationToken cancellationToken = default)
    {
        var setAside = outbox.Append(CloudEventCodec.ToCloudEvent(lifecycleEvent));
        if (setAside > 0)
        {
            await log.WriteLineAsync($"warning: {outbox.Path} ended in a torn record ({setAside} bytes, from an interrupted write); " +
                $"it was set aside in {outbox.TornFolder}");
        }

        if (delivery is null)
        {
            return;
        }

        LastOutcomes = await delivery.FlushAsync(cancellationToken);
        foreach (var failed in LastOutcomes.Where(o => !o.Healthy))
        {
            await log.WriteLineAsync($"warning: event sink '{failed.Sink}' is unreachable; {failed.Pending} event(s) stay in the outbox " +
                $"for `repoml events flush`: {failed.Error}");
        }
    }
}
