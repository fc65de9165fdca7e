namespace RepoML.Core.Profiles;

/// <summary>
/// Profiles CSV text (a header row, then records): rows, and per column its type, missing share, distinct count,
/// min/max/mean/std and quantiles, a histogram, and the most frequent values. Chunks of the text are read in
/// parallel; the figures do not depend on the chunking.
/// </summary>
public static class DataProfiler
{
    private const int ChunkSize = 1 << 21;

    /// <param name="source">How messages and the profile name the data, e.g. its path.</param>
    /// <exception cref="DataProfileException">No header, a duplicate column, a row with the wrong number of cells.</exception>
    public static DataProfile Profile(string text, string source)
    {
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        while (start < text.Length && CsvRecordReader.IsBlankLine(text, start, text.Length))
        {
            start = CsvRecordReader.SkipLineBreak(text, start, text.Length);
        }

        if (start >= text.Length)
        {
            throw new DataProfileException($"{source}: the file is empty; expected a header row");
        }

        var names = new List<string>();
        start = CsvRecordReader.ReadRecord(text, start, text.Length, source, new ListSink(names), out _);
        if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new DataProfileException($"{source}:1: column '{duplicate.Key}' appears more than once in the header");
        }

        var chunks = CsvChunks.Split(text, start, ChunkSize);
        var (rows, columns) = Read(text, source, chunks, names.Count, _ => false);
        var flipped = Enumerable.Range(0, names.Count).Where(i => columns.Any(c => c[i]!.Flipped)
            || (columns.Any(c => !c[i]!.Numeric) && columns.Any(c => c[i]!.NumberCount > 0))).ToHashSet();
        if (flipped.Count > 0)
        {
            var (_, again) = Read(text, source, chunks, names.Count, flipped.Contains);
            foreach (var i in flipped)
            {
                for (var c = 0; c < columns.Length; c++) { columns[c][i] = again[c][i]; }
            }
        }

        // Columns are summarized in parallel (sorting dominates); each lands at its own index, so the order never varies.
        var profiles = new ColumnProfile[names.Count];
        Parallel.For(0, names.Count, i => profiles[i] = ColumnSummarizer.Summarize(names[i], rows, columns.Select(c => c[i]!).ToArray()));
        return new DataProfile(DataProfile.CurrentSchema, source, rows, profiles);
    }

    private static (long Rows, ColumnAccumulator?[][] Columns) Read(string text, string source, IReadOnlyList<(int Start, int End)> chunks,
        int width, Func<int, bool> textOnly)
    {
        var columns = new ColumnAccumulator?[chunks.Count][];
        var rows = new long[chunks.Count];
        var errors = new string?[chunks.Count];
        Parallel.For(0, chunks.Count, c =>
        {
            var accumulators = Enumerable.Range(0, width).Select(i => new ColumnAccumulator(textOnly(i))).ToArray<ColumnAccumulator?>();
            var (position, end) = chunks[c];
            while (position < end)
            {
                if (CsvRecordReader.IsBlankLine(text, position, end))
                {
                    position = CsvRecordReader.SkipLineBreak(text, position, end);
                    continue;
                }

                int next, cells;
                try
                {
                    next = CsvRecordReader.ReadRecord(text, position, end, source, new AccumulatorSink(accumulators), out cells);
                }
                catch (DataProfileException e)
                {
                    errors[c] = e.Message;
                    return;
                }

                if (cells != width)
                {
                    errors[c] = $"{source}:{CsvChunks.LineOf(text, position)}: expected {width} cells as in the header, found {cells}";
                    return;
                }

                rows[c]++;
                position = next;
            }

            columns[c] = accumulators;
        });
        // The first problem in the file, whichever thread saw it first.
        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            throw new DataProfileException(error);
        }

        return (rows.Sum(), columns!);
    }
}
