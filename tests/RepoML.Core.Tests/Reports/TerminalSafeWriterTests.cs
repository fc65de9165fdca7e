using RepoML.Core.Reports;

namespace RepoML.Core.Tests.Reports;

public sealed class TerminalSafeWriterTests
{
    [Fact]
    public void Should_show_controls_and_keep_line_ends_and_tabs_When_text_is_written_in_pieces()
    {
        // Given
        var inner = new StringWriter { NewLine = "\r\n" };
        var writer = new TerminalSafeWriter(inner);

        // When: a CRLF split across two writes, a lone CR, ESC, BEL, a bidi override, a C1 control, a tab
        writer.Write("a\r");
        writer.Write("\nb\rc\u001b[2J\u0007\u202E\u009B\td");
        writer.WriteLine();
        writer.Write('\r');
        writer.Write('x');
        writer.Flush();

        // Then
        Assert.Equal("a\r\nb\\u000Dc\\u001B[2J\\u0007\\u202E\\u009B\td\r\n\\u000Dx", inner.ToString());
    }

    [Fact]
    public void Should_pass_json_unchanged_When_its_serializer_already_escaped_controls()
    {
        var inner = new StringWriter();
        var json = System.Text.Json.JsonSerializer.Serialize(new { message = "ok\u001b[31m\u0007" });
        new TerminalSafeWriter(inner).Write(json);
        Assert.Equal(json, inner.ToString());
        Assert.Equal("ok\u001b[31m\u0007", System.Text.Json.JsonDocument.Parse(inner.ToString()).RootElement.GetProperty("message").GetString());
    }
}
