namespace RepoML.Core.Profiles;

/// <summary>
/// Splits CSV text into ranges that start at a record boundary (a line break outside quotes), so the ranges can be read
/// in parallel. Only quote characters are counted to know the quoting state, which a vectorised count does quickly.
/// </summary>
internal static class CsvChunks
{
    public static IReadOnlyList<(int Start, int End)> Split(string text, int start, int targetSize)
    {
        var result = new List<(int, int)>();
        var span = text.AsSpan();
        var from = start;
        var quotes = 0L; // quotes counted in [start, scanned)
        var scanned = start;
        while (from < text.Length)
        {
            var target = Math.Min(text.Length, from + targetSize);
            if (target >= text.Length)
            {
                result.Add((from, text.Length));
                break;
            }

            quotes += span[scanned..target].Count('"');
            scanned = target;
            var boundary = text.Length;
            while (scanned < text.Length)
            {
                var newline = span[scanned..].IndexOf('\n');
                var stop = newline < 0 ? text.Length : scanned + newline + 1;
                quotes += span[scanned..stop].Count('"');
                scanned = stop;
                if (quotes % 2 == 0)
                {
                    boundary = stop;
                    break;
                }
            }

            result.Add((from, boundary));
            from = boundary;
        }

        return result;
    }

    /// <summary>The 1-based line of <paramref name="offset"/>, for messages.</summary>
    public static int LineOf(string text, int offset) => text.AsSpan(0, Math.Min(offset, text.Length)).Count('\n') + 1;
}
