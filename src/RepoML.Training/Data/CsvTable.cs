namespace RepoML.Training.Data;

/// <summary>A CSV file held in memory: a header and rows of raw cells, each row with the line it started on.</summary>
public sealed record CsvTable(string Source, IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows, IReadOnlyList<int> LineNumbers)
{
    /// <summary>Parses RFC 4180 CSV (quotes, doubled quotes, CRLF/LF, blank lines skipped).</summary>
    /// <param name="source">Name used in error messages, e.g. the file path.</param>
    /// <exception cref="TrainingDataException">Empty input, duplicate header names, or a row with the wrong number of cells.</exception>
    public static CsvTable Parse(TextReader reader, string source) => CsvParser.Parse(reader, source);

    /// <summary>Parses CSV, skipping malformed records (a short or long row, a quote not closed) and reporting each in <paramref name="malformed"/>
    /// with the line it starts on and <c>file:line: why</c>: a batch job counts each as one failed row.</summary>
    /// <exception cref="TrainingDataException">Empty input, or a malformed header.</exception>
    public static CsvTable Parse(TextReader reader, string source, List<(int Line, string Problem)> malformed) =>
        CsvParser.Parse(reader, source, malformed);

    /// <summary>Reads a CSV file from disk.</summary>
    /// <param name="displayName">How messages name the file (default: <paramref name="path"/>), e.g. the path as the user typed it.</param>
    /// <param name="malformed">When given, malformed records are skipped and reported here instead of failing the read.</param>
    public static CsvTable Load(string path, string? displayName = null, List<(int Line, string Problem)>? malformed = null)
    {
        if (!File.Exists(path))
        {
            throw new TrainingDataException($"{displayName ?? path}: file not found");
        }

        using var reader = new StringReader(CsvText.Read(path));
        return CsvParser.Parse(reader, displayName ?? path, malformed);
    }

    /// <summary>The index of <paramref name="column"/>, or a data error naming the available columns.</summary>
    public int ColumnIndex(string column)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (Header[i] == column)
            {
                return i;
            }
        }

        throw new TrainingDataException($"{Source}: no column '{column}'; columns: {string.Join(", ", Header)}{SeparatorHint()}");
    }

    // A semicolon- or tab-separated file reads as one column; saying so beats listing that one long column name.
    private string SeparatorHint() => Header.Count != 1 ? ""
        : Header[0].Contains(';', StringComparison.Ordinal) ? " (the header is one column: the file looks separated by ';', and RepoML reads comma-separated files)"
        : Header[0].Contains('\t', StringComparison.Ordinal) ? " (the header is one column: the file looks separated by tabs, and RepoML reads comma-separated files)"
        : "";

    /// <summary>A table with the same header and the rows at <paramref name="indexes"/>, in that order.</summary>
    public CsvTable Select(IReadOnlyList<int> indexes) =>
        new(Source, Header, [.. indexes.Select(i => Rows[i])], [.. indexes.Select(i => LineNumbers[i])]);

    /// <summary>Writes header and rows as CSV, quoting only cells that need it.</summary>
    public void Write(TextWriter writer)
    {
        CsvWriter.WriteRow(writer, Header);
        foreach (var row in Rows)
        {
            CsvWriter.WriteRow(writer, row);
        }
    }
}
