namespace RepoML.Events.Tests;

public sealed class EventGridSinkTests
{
    [Fact]
    public async Task Should_post_a_cloudevents_batch_with_the_topic_key_When_publishing_to_an_event_grid_stand_in()
    {
        // Given a local stand-in for an Event Grid topic endpoint
        using var folder = new EventsTestFolder();
        using var topic = new RecordingHttpServer((_, _) => new HttpReply(200));
        var settings = EventsTestFolder.Settings(new SinkSettings("grid", SinkSettings.EventGrid, [], topic.BaseAddress + "api/events",
            "GRID_KEY", null, null, null));
        using var http = new HttpClient();
        var publisher = new OutboxEventPublisher(folder.Outbox, folder.Delivery(settings, EventSinkFactory.Create(settings, _ => "topic-key",
            http)), TextWriter.Null);

        // When a model registered event is published
        var registered = LifecycleEvents.ModelRegistered("/repos/test", DateTimeOffset.UnixEpoch, "credit", "3", new Dictionary<string,
            string> { ["stage"] = "prod" }, new Dictionary<string, string>());
        await publisher.PublishAsync(registered);

        // Then the Azure SDK posted the CloudEvents batch to /api/events with api-version and the aeg-sas-key header
        var request = Assert.Single(topic.Accepted);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/events?api-version=2018-01-01", request.PathAndQuery);
        Assert.Equal("topic-key", request.Headers["aeg-sas-key"]);
        Assert.StartsWith("application/cloudevents-batch+json", request.Headers["Content-Type"], StringComparison.Ordinal);
        using var json = JsonDocument.Parse(request.Body);
        var cloudEvent = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(registered.Id, cloudEvent.GetProperty("id").GetString());
        Assert.Equal(EventTypes.ModelRegistered, cloudEvent.GetProperty("type").GetString());
        Assert.Equal("models/credit:3", cloudEvent.GetProperty("subject").GetString());
        Assert.Equal("credit", cloudEvent.GetProperty("data").GetProperty("modelName").GetString());
        Assert.Equal("prod", cloudEvent.GetProperty("data").GetProperty("modelTags").GetProperty("stage").GetString());
    }
}
