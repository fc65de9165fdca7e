namespace RepoML.Core.Reports;

/// <summary>
/// The writer every command's text goes through: commit messages, author names, tags, category values and request data reach the
/// terminal, so an ESC (ANSI sequence: colours, cursor moves, window titles, OSC 8 links), BEL, backspace, a lone carriage return or a
/// bidi override in them is written as visible <c>\uXXXX</c> instead of acting on the terminal. Newlines (LF, CRLF) and tabs pass;
/// JSON output is unchanged (its serializer escapes controls already). Spectre's tables and progress write their own ANSI straight to
/// the inner writer.
/// </summary>
public sealed class TerminalSafeWriter : TextWriter
{
    private readonly TextWriter inner;
    private bool pendingReturn;

    public TerminalSafeWriter(TextWriter inner) : base(inner.FormatProvider)
    {
        this.inner = inner;
        NewLine = inner.NewLine; // WriteLine() writes this writer's line end: the inner one's
    }

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Write([value], 0, 1);

    public override void Write(string? value)
    {
        if (value is not null) { Write(value.AsSpan()); }
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (buffer.IsEmpty) { return; }
        if (pendingReturn)
        {
            inner.Write(buffer[0] == '\n' ? "\r" : VisibleText.Escape('\r'));
            pendingReturn = false;
        }

        var start = 0;
        for (var i = 0; i < buffer.Length; i++)
        {
            var c = buffer[i];
            if (!VisibleText.Hidden(c)) { continue; }
            inner.Write(buffer[start..i]);
            start = i + 1;
            if (c == '\r' && i + 1 == buffer.Length) { pendingReturn = true; } // CRLF split across writes: the next character decides
            else if (c == '\r' && buffer[i + 1] == '\n') { inner.Write('\r'); }
            else { inner.Write(VisibleText.Escape(c)); }
        }

        inner.Write(buffer[start..]);
    }

    public override void Flush()
    {
        if (pendingReturn) { inner.Write(VisibleText.Escape('\r')); pendingReturn = false; }
        inner.Flush();
    }

    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }
}
