namespace RepoML.Events;

/// <summary>
/// The append-only outbox <c>.repoml/events/outbox.jsonl</c>: one structured CloudEvent per line, each append flushed to
/// disk (fsync) before the command goes on, so an event is never lost once announced. Sinks read it from their offset.
/// A crash mid-append leaves a torn last line: the next append sets it aside in <c>torn/</c> (and says so) before it
/// writes, readers skip it, and a line that does not decode (an older outbox's fragment with an event glued on) is
/// salvaged from its last whole event or skipped with a note; none of them blocks appends, listing or delivery.
/// </summary>
public sealed class FileOutbox(string path)
{
    private static readonly byte[] EventStart = "{\"specversion\""u8.ToArray();

    public string Path { get; } = path;

    /// <summary>Where torn tails are set aside, one file each, named after the offset they started at.</summary>
    public string TornFolder => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, "torn");

    /// <returns>How many bytes of a torn tail were set aside first (0 when the outbox ended cleanly).</returns>
    public long Append(CloudEvent cloudEvent)
    {
        var line = CloudEventCodec.Encode(cloudEvent);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // FileShare.Read: one writer at a time across processes; readers may follow along.
                using var stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
                var setAside = SetAsideTornTail(stream);
                stream.Seek(0, SeekOrigin.End);
                stream.Write(line);
                stream.WriteByte((byte)'\n');
                stream.Flush(flushToDisk: true);
                return setAside;
            }
            catch (IOException) when (attempt < 50)
            {
                Thread.Sleep(20);
            }
        }
    }

    /// <summary>The size of a torn last line (a write cut short), 0 when the outbox ends with a newline or does not exist.</summary>
    public long TornTailBytes()
    {
        if (!File.Exists(Path))
        {
            return 0;
        }

        var bytes = ReadShared();
        return bytes.Length - (Array.LastIndexOf(bytes, (byte)'\n') + 1);
    }

    /// <summary>Events from byte <paramref name="offset"/> on, each with the offset just after its line. A torn last line (crash mid-write)
    /// is skipped; so is a line that does not decode, after <paramref name="skipped"/> is told why.</summary>
    public IEnumerable<(CloudEvent Event, long EndOffset)> ReadFrom(long offset, Action<string>? skipped = null)
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

            var start = position;
            var line = bytes.AsMemory(position, newline - position);
            position = newline + 1;
            if (line.Length > 0 && Decode(line) is { } decoded)
            {
                yield return (decoded, position);
            }
            else if (line.Length > 0)
            {
                skipped?.Invoke($"{Path}: the record at byte {start} is not a whole event (an interrupted write); skipped");
            }
        }
    }

    public IReadOnlyList<CloudEvent> ReadAll(Action<string>? skipped = null) => [.. ReadFrom(0, skipped).Select(e => e.Event)];

    // A whole event, or the last whole event of a line that starts with a fragment; null when neither.
    private static CloudEvent? Decode(ReadOnlyMemory<byte> line)
    {
        for (var start = 0; start >= 0 && start < line.Length;)
        {
            try
            {
                return CloudEventCodec.Decode(line[start..]);
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidOperationException)
            {
                var next = line.Span[(start + 1)..].IndexOf(EventStart);
                start = next < 0 ? -1 : start + 1 + next;
            }
        }

        return null;
    }

    private long SetAsideTornTail(FileStream stream)
    {
        var length = stream.Length;
        if (length == 0)
        {
            return 0;
        }

        stream.Seek(-1, SeekOrigin.End);
        if (stream.ReadByte() == '\n')
        {
            return 0;
        }

        var cut = LastLineEnd(stream);
        var fragment = new byte[length - cut];
        stream.Seek(cut, SeekOrigin.Begin);
        stream.ReadExactly(fragment);
        Directory.CreateDirectory(TornFolder);
        File.WriteAllBytes(System.IO.Path.Combine(TornFolder, $"outbox-{cut}.fragment"), fragment);
        stream.SetLength(cut);
        stream.Flush(flushToDisk: true);
        return fragment.Length;
    }

    // The offset just after the last newline (0 when there is none), read backwards in blocks.
    private static long LastLineEnd(FileStream stream)
    {
        var block = new byte[64 * 1024];
        for (var end = stream.Length; end > 0;)
        {
            var start = Math.Max(0, end - block.Length);
            stream.Seek(start, SeekOrigin.Begin);
            stream.ReadExactly(block, 0, (int)(end - start));
            var index = Array.LastIndexOf(block, (byte)'\n', (int)(end - start) - 1);
            if (index >= 0)
            {
                return start + index + 1;
            }

            end = start;
        }

        return 0;
    }

    private byte[] ReadShared()
    {
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
