using RepoML.Core.Json;

namespace RepoML.Events;

/// <summary>
/// How far each sink has acknowledged the outbox: <c>.repoml/events/sinks/&lt;sink&gt;.json</c> with the byte offset after the
/// last delivered (or skipped) event. Written atomically after every delivery, so a crash re-delivers at most one event
/// (at-least-once; receivers deduplicate by event id).
/// </summary>
public sealed class SinkProgress(string folder)
{
    public string Folder { get; } = folder;

    public long Offset(string sink)
    {
        var path = PathOf(sink);
        if (!File.Exists(path))
        {
            return 0;
        }

        try
        {
            using var document = StrictJson.Parse(File.ReadAllBytes(path));
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("offset", out var offset)
                && offset.ValueKind == JsonValueKind.Number && offset.TryGetInt64(out var bytes) && bytes >= 0)
            {
                return bytes;
            }
        }
        catch (JsonException)
        {
        }

        // Guessing would either skip events (too far) or repeat them all (zero): the person decides, knowing which.
        throw new InvalidDataException($"{path} is not a sink progress file (expected {{\"offset\": <bytes delivered>}}); "
            + "fix the offset, or delete the file to deliver the whole outbox to this sink again (receivers deduplicate by event id)");
    }

    public void Save(string sink, long offset, string? lastEventId, DateTimeOffset time)
    {
        Directory.CreateDirectory(Folder);
        var path = PathOf(sink);
        var temp = path + ".tmp";
        var json = JsonSerializer.SerializeToUtf8Bytes(new { offset, last_event_id = lastEventId, updated = time.UtcDateTime });
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    private string PathOf(string sink) => Path.Combine(Folder, Core.Naming.NameGate.Check(sink, Core.Naming.NameKind.Segment, "event sink name") + ".json");
}
