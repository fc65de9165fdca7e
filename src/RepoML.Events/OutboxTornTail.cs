namespace RepoML.Events;

/// <summary>
/// Sets aside a torn last line of the outbox (a crash mid-append) so the next append starts on a line of its own: the
/// fragment is copied to <c>torn/outbox-OFFSET.fragment</c> and cut off, flushed to disk before the append goes on.
/// </summary>
internal static class OutboxTornTail
{
    /// <summary>Sets aside the tail after the last newline of <paramref name="stream"/>, if any; returns its size (0 when none).</summary>
    public static long SetAside(FileStream stream, string tornFolder)
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
        Directory.CreateDirectory(tornFolder);
        File.WriteAllBytes(Path.Combine(tornFolder, $"outbox-{cut}.fragment"), fragment);
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
}
