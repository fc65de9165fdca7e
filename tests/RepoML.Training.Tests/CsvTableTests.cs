namespace RepoML.Training.Tests;

public sealed class CsvTableTests
{
    [Fact]
    public void Should_keep_quoted_commas_and_line_breaks_When_parsing_rfc4180()
    {
        // Given quoted cells with a comma, a doubled quote and a line break, CRLF line ends and a blank line
        var text = "name,note\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\r\nc,\"two\nlines\"\r\nd,e\r\n";

        // When parsed
        var table = CsvTable.Parse(new StringReader(text), "t.csv");

        // Then cells are unquoted and each row knows its starting line
        Assert.Equal(["name", "note"], table.Header);
        Assert.Equal(["a,b", "say \"hi\""], table.Rows[0]);
        Assert.Equal(["c", "two\nlines"], table.Rows[1]);
        Assert.Equal([2, 4, 6], table.LineNumbers);
    }

    [Fact]
    public void Should_report_the_line_When_a_row_has_the_wrong_number_of_cells()
    {
        // Given a short row after a multi-line cell
        var text = "a,b\n1,\"x\ny\"\n3\n";

        // When parsed / Then the message names file and line
        var error = Assert.Throws<TrainingDataException>(() => CsvTable.Parse(new StringReader(text), "data.csv"));
        Assert.Equal("data.csv:4: expected 2 cells as in the header, found 1", error.Message);
    }

    [Theory]
    [InlineData("", "data.csv: the file is empty; expected a header row")]
    [InlineData("a,a\n1,2\n", "data.csv:1: column 'a' appears more than once in the header")]
    [InlineData("a,b\n\"1,2\n", "data.csv:2: a quoted cell is not closed before the end of the file")]
    public void Should_explain_When_the_file_is_unusable(string text, string message)
    {
        // Given / When / Then
        var error = Assert.Throws<TrainingDataException>(() => CsvTable.Parse(new StringReader(text), "data.csv"));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Should_round_trip_When_written_and_read_again()
    {
        // Given a table with cells that need quoting
        var table = CsvTable.Parse(new StringReader("a,b\n\"x,1\",\"q\"\"\"\nplain,2\n"), "t");

        // When written and parsed again
        var writer = new StringWriter();
        table.Write(writer);
        var again = CsvTable.Parse(new StringReader(writer.ToString()), "t");

        // Then nothing changed
        Assert.Equal(table.Rows, again.Rows);
        Assert.Equal("a,b\n\"x,1\",\"q\"\"\"\nplain,2\n", writer.ToString());
    }

    [Theory]
    [InlineData("a;b;label\n1;2;0\n", "';'")]
    [InlineData("a\tb\tlabel\n1\t2\t0\n", "tabs")]
    public void Should_say_how_the_file_looks_separated_When_a_column_is_not_found_in_a_one_column_header(string text, string separator)
    {
        // Given a file separated by something other than commas: its header reads as one column
        var table = CsvTable.Parse(new StringReader(text), "eu.csv");

        // When a column is looked up / Then the message says why there is none
        var error = Assert.Throws<TrainingDataException>(() => table.ColumnIndex("label"));
        Assert.EndsWith($"(the header is one column: the file looks separated by {separator}, and RepoML reads comma-separated files)",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_accented_names_and_values_When_the_file_is_latin1_rather_than_utf8()
    {
        // Given a file saved as ISO-8859-1 (as many older datasets are): ö, ß, é are single bytes that are not valid UTF-8
        using var folder = new TempFolder();
        var path = folder.Write("latin1.csv", System.Text.Encoding.Latin1.GetBytes("name,Größe\nJosé,1.5\nJosè,2.5\n"));

        // When loaded
        var table = CsvTable.Load(path);

        // Then the characters are kept, instead of each becoming U+FFFD (which merged José and Josè into one category)
        Assert.Equal(["name", "Größe"], table.Header);
        Assert.Equal(["José", "Josè"], table.Rows.Select(r => r[0]));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16")]
    public void Should_read_unicode_files_as_before_When_they_are_utf8_or_carry_a_byte_order_mark(string encoding)
    {
        // Given the same text in UTF-8 (with and without a byte order mark) and UTF-16 with one
        using var folder = new TempFolder();
        const string text = "名前,Größe\n太郎,1.5\n";
        byte[] bytes = encoding switch
        {
            "utf-8" => System.Text.Encoding.UTF8.GetBytes(text),
            "utf-8-bom" => [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text)],
            _ => [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(text)],
        };

        // When loaded / Then
        var table = CsvTable.Load(folder.Write("d.csv", bytes));
        Assert.Equal(["名前", "Größe"], table.Header);
        Assert.Equal(["太郎", "1.5"], table.Rows[0]);
    }
}
