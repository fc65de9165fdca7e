namespace RepoML.Events;

/// <summary>
/// The append-only outbox <c>.repoml/events/outbox.jsonl</c>: one structured CloudEvent per line, each append flushed to
/// disk (fsync) before the command goes on, so an event is never lost once announced. Sinks read it from their offset.
/// A crash mid-append leaves a torn last line: the next append sets it aside in <c>torn/</c> (and says so) before it
/// writes, readers skip it, and a line that does not decode (an older outbox's fragment with an event glued on) is
/// salvaged from its last whole event or skipped with a note; none of them blocks appends, listing or delivery.
/// Setting a torn tail aside is <see cref="OutboxTornTail"/>; decoding and salvaging a line is <see cref="OutboxLine"/>.
/// </summary>
public sealed class FileOutbox(string path)
{
    public string Path { get; } = path;

    /// <summary>Where torn tails are set aside, one file each, named after the offset they started at.</summary>
    public string TornFolder => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, "torn");

    /// <returns>How many bytes of a torn tail were set aside first (0 when the outbox ended cleanly).</returns>
    public long Append(CloudEvent cloudEvent)
    {
        var line = CloudEventCodec.Encode(cloudEvent);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        if (new FileInfo(Path).LinkTarget is { } target)
        {
            // Appending (and cutting a torn tail) through a link would change a file outside the workspace's state.
            throw new IOException($"{Path} is a symbolic link (to {target}); the outbox must be a file of its own: remove the link");
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // FileShare.Read: one writer at a time across processes; readers may follow along.
                using var stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
                var setAside = OutboxTornTail.SetAside(stream, TornFolder);
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
            if (line.Length > 0 && OutboxLine.Decode(line) is { } decoded)
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

    private byte[] ReadShared()
    {
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
