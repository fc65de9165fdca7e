using System.Text;

namespace RepoML.Training.Data;

/// <summary>A small RFC 4180 reader that remembers the line each record starts on, for error messages.</summary>
internal static class CsvParser
{
    /// <param name="malformed">When given, a malformed record (wrong cell count, a quote not closed) is reported here as
    /// <c>file:line: why</c> with its line, and skipped; an unclosed quote ends at its line. Without it, the first one throws.</param>
    public static CsvTable Parse(TextReader input, string source, List<(int Line, string Problem)>? malformed = null)
    {
        var reader = new RewindableText(input.ReadToEnd());
        var line = 1;
        string[]? header = null;
        var rows = new List<string[]>();
        var lines = new List<int>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        while (true)
        {
            var start = line;
            var position = reader.Position;
            bool more;
            try
            {
                more = ReadRecord(reader, cells, cell, ref line, source);
            }
            catch (TrainingDataException ex) when (malformed is not null && header is not null)
            {
                // The quote swallowed the rest of the file: the record is taken to end at its own line, and reading goes on after it.
                malformed.Add((start, ex.Message));
                reader.Position = reader.EndOfLine(position);
                line = start + 1;
                more = reader.Position < reader.Length;
                if (!more)
                {
                    break;
                }

                continue;
            }

            if (cells.Count == 1 && cells[0].Length == 0)
            {
                // Blank line.
            }
            else if (header is null)
            {
                header = [.. cells.Select(c => c.Trim())];
                var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
                if (duplicate is not null)
                {
                    throw new TrainingDataException($"{source}:{start}: column '{duplicate.Key}' appears more than once in the header");
                }
            }
            else if (cells.Count != header.Length)
            {
                var problem = $"{source}:{start}: expected {header.Length} cells as in the header, found {cells.Count}";
                if (malformed is null)
                {
                    throw new TrainingDataException(problem);
                }

                malformed.Add((start, problem));
            }
            else
            {
                rows.Add([.. cells]);
                lines.Add(start);
            }

            if (!more)
            {
                break;
            }
        }

        if (header is null)
        {
            throw new TrainingDataException($"{source}: the file is empty; expected a header row");
        }

        return new CsvTable(source, header, rows, lines);
    }

    /// <returns>False at the end of input.</returns>
    private static bool ReadRecord(RewindableText reader, List<string> cells, StringBuilder cell, ref int line, string source)
    {
        cells.Clear();
        cell.Clear();
        var quoted = false;
        var startLine = line;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                if (quoted)
                {
                    throw new TrainingDataException($"{source}:{startLine}: a quoted cell is not closed before the end of the file");
                }

                cells.Add(cell.ToString());
                return false;
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        cell.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n' or '\r':
                    line++;
                    cells.Add(cell.ToString());
                    return true;
                default:
                    cell.Append((char)c);
                    break;
            }
        }
    }

    /// <summary>The text being read, with a position that can be set back.</summary>
    private sealed class RewindableText(string text)
    {
        public int Position { get; set; }

        public int Length => text.Length;

        public int Read() => Position < text.Length ? text[Position++] : -1;

        public int Peek() => Position < text.Length ? text[Position] : -1;

        /// <summary>The position just after the line break that ends the line holding <paramref name="from"/>.</summary>
        public int EndOfLine(int from)
        {
            var end = text.IndexOf('\n', from);
            return end < 0 ? text.Length : end + 1;
        }
    }
}
