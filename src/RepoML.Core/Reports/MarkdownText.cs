namespace RepoML.Core.Reports;

/// <summary>
/// The one encoder for untrusted text (category values, feature names, sources, messages) in the Markdown we write, pull-request
/// comments included. Text stays one line, a pipe never ends a table cell (a backslash cannot undo the escape of the pipe after it),
/// emphasis, links, images, code and HTML characters are shown, not read, and GitHub mentions (<c>@team</c>) and cross-references
/// (<c>#12</c>, <c>owner/repo#12</c>) are broken by a zero-width space, so data never pings anyone or links an issue. Control characters
/// (ANSI escapes) and bidi controls become visible (<see cref="VisibleText"/>). Ordinary names (letters, digits, <c>_ - . : /</c>) pass unchanged.
/// </summary>
public static class MarkdownText
{
    /// <summary>The most characters of one value shown (then "…"): a 100 kB category value must not push a comment past GitHub's limit.</summary>
    public const int MaxValueLength = 300;

    private const char ZeroWidthSpace = '\u200B';

    /// <summary>Text for a table cell or running text: escaped, one line.</summary>
    public static string Cell(string? text)
    {
        var cell = new StringBuilder();
        foreach (var c in Plain(text))
        {
            if (c is '|' or '*' or '`' or '[' or ']' or '<' or '\\' or '&' or '~') { cell.Append('\\'); }
            cell.Append(c);
        }

        return cell.ToString();
    }

    /// <summary>
    /// An inline code span holding <paramref name="text"/> literally: a fence longer than any backtick run inside, one line, and
    /// (<paramref name="inTable"/>) pipes escaped, which GitHub removes inside code in a table cell.
    /// </summary>
    public static string Code(string? text, bool inTable = false)
    {
        var body = new StringBuilder();
        foreach (var c in Short(text))
        {
            if (c is '\r' or '\n') { body.Append(' '); }
            else if (c is '|' && inTable) { body.Append(body.Length > 0 && body[^1] == '\\' ? "\u200B\\|" : "\\|"); } // "\\|" would end the cell
            else if (VisibleText.Hidden(c)) { body.Append(VisibleText.Escape(c)); }
            else { body.Append(c); }
        }

        var inner = body.ToString();
        var longest = 0;
        for (int i = 0, run = 0; i < inner.Length; i++)
        {
            run = inner[i] == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = longest > 0 || inner.StartsWith(' ') || inner.EndsWith(' ') ? " " : "";
        return fence + pad + inner + pad + fence;
    }

    /// <summary>Text inside a raw HTML line of the Markdown (a <c>&lt;summary&gt;</c>): HTML-encoded, one line, mentions broken.</summary>
    public static string Html(string? text) => WebUtility.HtmlEncode(Plain(text));

    // One line, mentions and cross-references broken, hidden characters made visible; no Markdown escapes yet.
    private static string Plain(string? text)
    {
        text = Short(text);
        var plain = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n') { plain.Append(' '); }
            else if (c is '@' || (c is '#' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))) { plain.Append(c).Append(ZeroWidthSpace); }
            else if (VisibleText.Hidden(c)) { plain.Append(VisibleText.Escape(c)); }
            else { plain.Append(c); }
        }

        return plain.ToString();
    }

    private static string Short(string? text)
    {
        if (text is null || text.Length <= MaxValueLength) { return text ?? ""; }
        var cut = char.IsHighSurrogate(text[MaxValueLength - 1]) ? MaxValueLength - 1 : MaxValueLength;
        return text[..cut] + "…";
    }
}
