namespace RepoML.Core.Reports;

/// <summary>
/// Characters that act instead of showing: C0 and C1 controls (the ESC that starts an ANSI sequence, BEL, backspace, carriage
/// return), DEL, and the bidi and zero-width format characters that reorder or hide text. Untrusted text shows each as <c>\uXXXX</c>,
/// as <see cref="Naming.NameGate"/> does in its messages.
/// </summary>
public static class VisibleText
{
    /// <summary>True for a character that would act on a terminal or reorder text rather than show (tab and newline are not).</summary>
    public static bool Hidden(char c) => (char.IsControl(c) && c is not '\t' and not '\n') || c is '\u200E' or '\u200F' or '\u061C' or '\uFEFF'
        or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The visible form of a hidden character: <c>\u001B</c>.</summary>
    public static string Escape(char c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");

    /// <summary><paramref name="text"/> with every hidden character shown as <c>\uXXXX</c> (a CRLF line end stays).</summary>
    public static string Of(string? text)
    {
        if (text is null || !text.Any(Hidden)) { return text ?? ""; }
        var visible = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            visible.Append(!Hidden(c) || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') ? c.ToString() : Escape(c));
        }

        return visible.ToString();
    }
}
