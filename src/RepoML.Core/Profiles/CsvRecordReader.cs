namespace RepoML.Core.Profiles;

/// <summary>
/// Reads RFC 4180 records (quotes, doubled quotes, CRLF or LF, blank lines skipped) from a range of text and hands each
/// cell to its column's accumulator without allocating, except for cells that need unquoting.
/// </summary>
internal static class CsvRecordReader
{
    private static readonly System.Buffers.SearchValues<char> Stops = System.Buffers.SearchValues.Create(",\r\n");

    /// <summary>Reads one record starting at <paramref name="position"/>; gives each cell to <paramref name="columns"/> (null: not read)
    /// and the position after the record.</summary>
    public static int ReadRecord<TSink>(string text, int position, int end, string source, TSink columns, out int cells)
        where TSink : struct, ICellSink
    {
        cells = 0;
        var span = text.AsSpan();
        while (true)
        {
            int next;
            if (position < end && span[position] == '"')
            {
                var (value, after) = Unquote(text, position, end, source);
                columns.Add(cells++, value);
                next = after;
            }
            else
            {
                var stop = position >= end ? -1 : span[position..end].IndexOfAny(Stops);
                next = stop < 0 ? end : position + stop;
                columns.Add(cells++, span[position..next]);
            }

            if (next >= end)
            {
                return end;
            }

            if (span[next] == ',')
            {
                position = next + 1;
                continue;
            }

            // A line break ends the record (\r\n counts once).
            return span[next] == '\r' && next + 1 < end && span[next + 1] == '\n' ? next + 2 : next + 1;
        }
    }

    /// <summary>True when the record at <paramref name="position"/> is an empty line.</summary>
    public static bool IsBlankLine(string text, int position, int end) =>
        position < end && (text[position] == '\n' || text[position] == '\r');

    public static int SkipLineBreak(string text, int position, int end) =>
        text[position] == '\r' && position + 1 < end && text[position + 1] == '\n' ? position + 2 : position + 1;

    private static (string Value, int After) Unquote(string text, int position, int end, string source)
    {
        var builder = new StringBuilder();
        var i = position + 1;
        while (true)
        {
            var quote = text.AsSpan(i, end - i).IndexOf('"');
            if (quote < 0)
            {
                throw new DataProfileException($"{source}:{CsvChunks.LineOf(text, position)}: a quoted cell is not closed before the end of the file");
            }

            builder.Append(text, i, quote);
            i += quote + 1;
            if (i < end && text[i] == '"')
            {
                builder.Append('"');
                i++;
                continue;
            }

            // Text after the closing quote up to the separator is kept, as lenient readers do.
            var rest = i >= end ? 0 : text.AsSpan(i, end - i).IndexOfAny(Stops);
            var stop = rest < 0 ? end : i + rest;
            builder.Append(text, i, stop - i);
            return (builder.ToString(), stop);
        }
    }
}

/// <summary>Where <see cref="CsvRecordReader"/> puts cells; a struct so each use is compiled without virtual calls.</summary>
internal interface ICellSink
{
    void Add(int index, ReadOnlySpan<char> cell);
}

/// <summary>Gives each cell to its column's accumulator (null: the column is not read).</summary>
internal readonly struct AccumulatorSink(ColumnAccumulator?[] columns) : ICellSink
{
    public void Add(int index, ReadOnlySpan<char> cell)
    {
        if (index < columns.Length)
        {
            columns[index]?.Add(cell);
        }
    }
}

/// <summary>Collects a record's cells as trimmed strings (the header).</summary>
internal readonly struct ListSink(List<string> cells) : ICellSink
{
    public void Add(int index, ReadOnlySpan<char> cell) => cells.Add(cell.Trim().ToString());
}
