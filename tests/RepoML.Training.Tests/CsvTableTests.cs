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
}
