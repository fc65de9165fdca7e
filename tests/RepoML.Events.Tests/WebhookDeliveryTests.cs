namespace RepoML.Events.Tests;

public sealed class WebhookDeliveryTests
{
    private const string Secret = "s3cret";

    [Fact]
    public async Task Should_deliver_once_with_a_valid_signature_When_the_receiver_fails_the_first_attempts()
    {
        // Given a receiver that answers 503 twice, then 200
        using var folder = new EventsTestFolder();
        using var receiver = new RecordingHttpServer((_, n) => n <= 2 ? new HttpReply(503, "{}") : new HttpReply(200, "{}"));
        var sink = new SinkSettings("hook", SinkSettings.Webhook, [], receiver.BaseAddress + "hooks", "HOOK_SECRET", null, null, null);
        var settings = EventsTestFolder.Settings(sink);
        using var http = new HttpClient();
        var publisher = new OutboxEventPublisher(folder.Outbox, folder.Delivery(settings, EventSinkFactory.Create(settings, _ => Secret, http)),
            TextWriter.Null);

        // When a drift event is published
        var drift = EventsTestFolder.DriftEvent();
        await publisher.PublishAsync(drift);

        // Then it arrived exactly once, as a structured CloudEvent signed with HMAC-SHA256 of the body
        var received = Assert.Single(receiver.Accepted);
        Assert.Equal("POST", received.Method);
        Assert.Equal("/hooks", received.PathAndQuery);
        Assert.StartsWith("application/cloudevents+json", received.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(WebhookSink.Sign(Secret, received.Body), received.Headers[WebhookSink.SignatureHeader]);
        using var json = JsonDocument.Parse(received.Body);
        Assert.Equal("1.0", json.RootElement.GetProperty("specversion").GetString());
        Assert.Equal(drift.Id, json.RootElement.GetProperty("id").GetString());
        Assert.Equal(EventTypes.DatasetDriftDetected, json.RootElement.GetProperty("type").GetString());
        Assert.Equal(0.6, json.RootElement.GetProperty("data").GetProperty("driftCoefficient").GetDouble());
        Assert.All(publisher.LastOutcomes, o => Assert.True(o.Healthy));
    }

    [Fact]
    public async Task Should_keep_events_pending_and_send_nothing_unsigned_When_the_secret_variable_is_unset()
    {
        // Given a webhook whose file names a secret variable that is not set
        using var folder = new EventsTestFolder();
        using var receiver = new RecordingHttpServer((_, _) => new HttpReply(200, "{}"));
        var sink = new SinkSettings("hook", SinkSettings.Webhook, [], receiver.BaseAddress + "hooks", "HOOK_SECRET", null, null, null);
        var settings = EventsTestFolder.Settings(sink);
        using var http = new HttpClient();
        var publisher = new OutboxEventPublisher(folder.Outbox, folder.Delivery(settings, EventSinkFactory.Create(settings, _ => null, http)),
            TextWriter.Null);

        // When an event is published
        await publisher.PublishAsync(EventsTestFolder.DriftEvent());

        // Then nothing was sent, and the event waits with the reason
        Assert.Empty(receiver.Accepted);
        var outcome = Assert.Single(publisher.LastOutcomes);
        Assert.Equal(0, outcome.Delivered);
        Assert.Equal(1, outcome.Pending);
        Assert.Contains("HOOK_SECRET", outcome.Error, StringComparison.Ordinal);

        // And once the secret is set, it is delivered signed
        var signed = folder.Delivery(settings, EventSinkFactory.Create(settings, _ => Secret, http));
        var flushed = Assert.Single(await signed.FlushAsync());
        Assert.Equal(1, flushed.Delivered);
        var received = Assert.Single(receiver.Accepted);
        Assert.Equal(WebhookSink.Sign(Secret, received.Body), received.Headers[WebhookSink.SignatureHeader]);
    }

    [Fact]
    public async Task Should_keep_events_and_resume_When_the_sink_was_down()
    {
        // Given a webhook on a port where nothing listens yet
        using var folder = new EventsTestFolder();
        var port = FreePort.Pick();
        var sink = new SinkSettings("hook", SinkSettings.Webhook, [], $"http://127.0.0.1:{port}/", null, null, null, null);
        var settings = EventsTestFolder.Settings(sink);
        using var http = new HttpClient();
        var delivery = folder.Delivery(settings, EventSinkFactory.Create(settings, _ => null, http));
        var publisher = new OutboxEventPublisher(folder.Outbox, delivery, TextWriter.Null);

        // When two events are published while it is down
        await publisher.PublishAsync(EventsTestFolder.DriftEvent("2025-01-01"));
        await publisher.PublishAsync(EventsTestFolder.DriftEvent("2025-01-02"));

        // Then both wait in the outbox
        var outcome = Assert.Single(publisher.LastOutcomes);
        Assert.False(outcome.Healthy);
        Assert.Equal(2, outcome.Pending);
        Assert.Equal(2, folder.Outbox.ReadAll().Count);

        // And when the receiver comes up and the outbox is flushed, each arrives once, in order
        using var receiver = new RecordingHttpServer((_, _) => new HttpReply(202, "{}"), port);
        var flushed = Assert.Single(await delivery.FlushAsync());
        Assert.Equal(2, flushed.Delivered);
        Assert.Equal(0, delivery.PendingFor("hook"));
        Assert.Equal(folder.Outbox.ReadAll().Select(e => e.Id), receiver.Accepted.Select(r => r.Headers[WebhookSink.EventIdHeader]));

        // And a second flush sends nothing again
        Assert.Equal(0, Assert.Single(await delivery.FlushAsync()).Delivered);
        Assert.Equal(2, receiver.Accepted.Count);
    }

    [Fact]
    public async Task Should_give_the_same_id_When_the_same_fact_is_emitted_twice()
    {
        // Given a receiver that accepts everything
        using var folder = new EventsTestFolder();
        using var receiver = new RecordingHttpServer((_, _) => new HttpReply(200, "{}"));
        var settings = EventsTestFolder.Settings(new SinkSettings("hook", SinkSettings.Webhook, [EventTypes.DatasetDriftDetected],
            receiver.BaseAddress.ToString(), null, null, null, null));
        using var http = new HttpClient();
        var publisher = new OutboxEventPublisher(folder.Outbox, folder.Delivery(settings, EventSinkFactory.Create(settings, _ => null, http)),
            TextWriter.Null);

        // When the same drift (same monitor and window) and an unrelated run event are published
        await publisher.PublishAsync(EventsTestFolder.DriftEvent());
        await publisher.PublishAsync(EventsTestFolder.DriftEvent());
        await publisher.PublishAsync(LifecycleEvents.RunCompleted("/repos/test", DateTimeOffset.UnixEpoch, "train", "run-1", "pipeline",
            new Dictionary<string, string>(), new Dictionary<string, string>()));

        // Then the duplicates carry one id (receivers deduplicate) and the filtered-out type is not sent
        Assert.Equal(2, receiver.Accepted.Count);
        Assert.Single(receiver.Accepted.Select(r => r.Headers[WebhookSink.EventIdHeader]).Distinct());
    }

    [Fact]
    public void Should_skip_a_torn_last_line_When_a_writer_crashed_mid_append()
    {
        // Given an outbox with one whole event and a partial line
        using var folder = new EventsTestFolder();
        folder.Outbox.Append(CloudEventCodec.ToCloudEvent(EventsTestFolder.DriftEvent()));
        File.AppendAllText(folder.Outbox.Path, "{\"specversion\":\"1.0\",\"id\":");

        // Then only the whole event is read
        Assert.Single(folder.Outbox.ReadAll());
    }
}
