namespace RepoML.Events;

/// <summary>
/// Decodes one outbox line: a whole event, or, for a line an older outbox glued onto a torn fragment, its last whole
/// event (salvaged from where an event starts).
/// </summary>
internal static class OutboxLine
{
    private static readonly byte[] EventStart = "{\"specversion\""u8.ToArray();

    /// <summary>The line's event, or the last whole event of a line that starts with a fragment; null when neither.</summary>
    public static CloudEvent? Decode(ReadOnlyMemory<byte> line)
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
}
