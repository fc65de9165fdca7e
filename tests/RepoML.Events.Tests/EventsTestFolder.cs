namespace RepoML.Events.Tests;

/// <summary>A temp workspace folder with an outbox, progress files and helpers to build a delivery.</summary>
internal sealed class EventsTestFolder : IDisposable
{
    private readonly TempFolder folder = new("events");

    public string Root => folder.Path;

    public FileOutbox Outbox => new(EventsFolder.Outbox(Root));

    public SinkProgress Progress => new(EventsFolder.Progress(Root));

    public static EventsSettings Settings(params SinkSettings[] sinks) =>
        EventsSettings.Empty with { MaxAttempts = 4, InitialBackoff = TimeSpan.FromMilliseconds(5), MaxBackoff = TimeSpan.FromMilliseconds(20),
            Timeout = TimeSpan.FromSeconds(5), Sinks = sinks };

    public static LifecycleEvent DriftEvent(string window = "2025-01-01") => LifecycleEvents.DatasetDriftDetected(
        "/repos/test", DateTimeOffset.Parse("2025-01-02T00:00:00Z",
            System.Globalization.CultureInfo.InvariantCulture), "credit-monitor", "monitor-1", "azureml:credit-data@latest", "credit/blue", 0.6,
        DateTimeOffset.Parse(window + "T00:00:00Z",
            System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(window
            + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public EventDelivery Delivery(EventsSettings settings, IReadOnlyList<IEventSink> sinks) => new(Outbox, Progress, sinks, settings,
        TimeProvider.System);

    public void Dispose() => folder.Dispose();
}
