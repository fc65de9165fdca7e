namespace RepoML.Training.Data;

/// <summary>Writes CSV rows (RFC 4180, LF line ends), quoting cells with commas, quotes or line breaks.</summary>
public static class CsvWriter
{
    public static void WriteRow(TextWriter writer, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                writer.Write('"');
                writer.Write(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(cell);
            }
        }

        writer.Write('\n');
    }
}
