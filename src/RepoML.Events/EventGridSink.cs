using Azure;
using Azure.Messaging.EventGrid;
using AzureCloudEvent = Azure.Messaging.CloudEvent;
using CloudEvent = CloudNative.CloudEvents.CloudEvent;

namespace RepoML.Events;

/// <summary>Publishes to an Azure Event Grid topic with <see cref="EventGridPublisherClient"/> in the CloudEvents 1.0 schema, keyed by the
/// topic's access key.</summary>
public sealed class EventGridSink(SinkSettings settings, EventGridPublisherClient client) : IEventSink
{
    public SinkSettings Settings { get; } = settings;

    public static EventGridSink Create(SinkSettings settings, string key, Azure.Core.Pipeline.HttpPipelineTransport? transport = null,
        TimeSpan? timeout = null)
    {
        var options = new EventGridPublisherClientOptions();
        options.Retry.MaxRetries = 0; // RepoML's delivery loop retries, with the outbox as the source of truth
        if (timeout is { } t) { options.Retry.NetworkTimeout = t; }
        if (transport is not null) { options.Transport = transport; }
        return new EventGridSink(settings, new EventGridPublisherClient(new Uri(settings.Address!), new AzureKeyCredential(key), options));
    }

    public bool Accepts(CloudEvent cloudEvent) => Settings.Accepts(cloudEvent.Type!);

    public async Task SendAsync(CloudEvent cloudEvent, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var azure = new AzureCloudEvent(cloudEvent.Source!.ToString(), cloudEvent.Type!,
            BinaryData.FromString(CloudEventCodec.DataJson(cloudEvent)), "application/json", Azure.Messaging.CloudEventDataFormat.Json)
        {
            Id = cloudEvent.Id!,
            Subject = cloudEvent.Subject,
            Time = cloudEvent.Time,
        };
        await client.SendEventAsync(azure, cancellationToken);
    }
}
