using System.Net.Mime;
using CloudNative.CloudEvents.SystemTextJson;

namespace RepoML.Events;

/// <summary>Turns lifecycle events into CloudEvents 1.0 and reads them back, in the JSON structured mode (one object per event).</summary>
public static class CloudEventCodec
{
    public const string ContentType = "application/cloudevents+json; charset=utf-8";

    private static readonly JsonEventFormatter Formatter = new();

    public static CloudEvent ToCloudEvent(LifecycleEvent lifecycleEvent) => new(CloudEventsSpecVersion.V1_0)
    {
        Id = lifecycleEvent.Id,
        Type = lifecycleEvent.Type,
        Source = new Uri(lifecycleEvent.Source, UriKind.RelativeOrAbsolute),
        Subject = lifecycleEvent.Subject,
        Time = lifecycleEvent.Time,
        DataContentType = MediaTypeNames.Application.Json,
        Data = JsonSerializer.SerializeToElement(lifecycleEvent.Data),
    };

    /// <summary>The structured-mode JSON of an event, as written to the outbox and posted to webhooks.</summary>
    public static byte[] Encode(CloudEvent cloudEvent) => Formatter.EncodeStructuredModeMessage(cloudEvent, out _).ToArray();

    public static CloudEvent Decode(ReadOnlyMemory<byte> json) => Formatter.DecodeStructuredModeMessage(json,
        new ContentType("application/cloudevents+json"), null);

    /// <summary>The event's data as JSON text (for Event Grid and GitHub).</summary>
    public static string DataJson(CloudEvent cloudEvent) => cloudEvent.Data switch
    {
        JsonElement element => element.GetRawText(),
        null => "null",
        var other => JsonSerializer.Serialize(other),
    };
}
