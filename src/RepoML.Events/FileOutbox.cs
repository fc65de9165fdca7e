namespace RepoML.Events;

/// <summary>
/// The append-only outbox <c>.repoml/events/outbox.jsonl</c>: one structured CloudEvent per line, each append flushed to
/// disk (fsync) before the command goes on, so an event is never lost once announced. Sinks read it from their offset.
/// </summary>
public sealed class FileOutbox(string path)
{
    public string Path { get; } = path;

    public void Append(CloudEvent cloudEvent)
    {
        var line = CloudEventCodec.Encode(cloudEvent);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // FileShare.Read: one writer at a time across processes; readers may follow along.
                using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
                stream.Write(line);
                stream.WriteByte((byte)'\n');
                stream.Flush(flushToDisk: true);
                return;
            }
            catch (IOException) when (attempt < 50)
            {
                Thread.Sleep(20);
            }
        }
    }

    /// <summary>Events from byte <paramref name="offset"/> on, each with the offset just after its line. A torn last line (crash mid-write)
    /// is skipped.</summary>
    public IEnumerable<(CloudEvent Event, long EndOffset)> ReadFrom(long offset)
    {
        if (!File.Exists(Path))
        {
            yield break;
        }

        var bytes = ReadShared();
        var position = (int)Math.Min(offset, bytes.Length);
        while (position < bytes.Length)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', position);
            if (newline < 0)
            {
                yield break;
            }

            var line = bytes.AsMemory(position, newline - position);
            position = newline + 1;
            if (line.Length > 0)
            {
                yield return (CloudEventCodec.Decode(line), position);
            }
        }
    }

    public IReadOnlyList<CloudEvent> ReadAll() => [.. ReadFrom(0).Select(e => e.Event)];

    private byte[] ReadShared()
    {
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
