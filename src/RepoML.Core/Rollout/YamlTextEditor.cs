namespace RepoML.Core.Rollout;

/// <summary>
/// Edits YAML text in place: a scalar's characters are replaced at the position the parser reported, so comments,
/// quoting, key order and blank lines stay as the author wrote them (re-serialising would lose them).
/// </summary>
public static class YamlTextEditor
{
    /// <summary>Replaces the scalar's source token (plain, single- or double-quoted, on one line) with <paramref name="value"/>, keeping
    /// its quote style.</summary>
    public static string ReplaceScalar(string text, YamlScalar scalar, string value)
    {
        var start = Offset(text, scalar.Span.Line, scalar.Span.Column);
        var quote = start < text.Length && text[start] is '"' or '\'' ? text[start] : (char?)null;
        var end = quote is { } q ? ClosingQuote(text, start, q) + 1 : start + scalar.Value.Length;
        if (quote is null && string.CompareOrdinal(text, start, scalar.Value, 0, scalar.Value.Length) != 0)
        {
            throw new InvalidOperationException($"{scalar.Span}: the value '{scalar.Value}' spans several lines; edit it by hand");
        }

        var replacement = quote is { } c ? $"{c}{value}{c}" : value;
        return string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(end));
    }

    /// <summary>Adds <c>key: value</c> as the last entry of a block mapping, indented like its other entries.</summary>
    public static string AppendEntry(string text, YamlMapping mapping, string key, string value)
    {
        var last = mapping.Entries.LastOrDefault() ?? throw new
            InvalidOperationException($"{mapping.Span}: cannot add '{key}' to an empty mapping; add it by hand");
        var indent = new string(' ', last.Key.Span.Column - 1);
        var lineEnd = text.IndexOf('\n', Offset(text, last.Value.Span.Line, 1));
        var newline = lineEnd > 0 && text[lineEnd - 1] == '\r' ? "\r\n" : "\n";
        var insertAt = lineEnd < 0 ? text.Length : lineEnd + 1;
        var prefix = lineEnd < 0 ? newline : "";
        return string.Concat(text.AsSpan(0, insertAt), $"{prefix}{indent}{key}: {value}{newline}", text.AsSpan(insertAt));
    }

    private static int ClosingQuote(string text, int start, char quote)
    {
        for (var i = start + 1; i < text.Length && text[i] != '\n'; i++)
        {
            if (quote == '\'' && text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
            {
                i++;
            }
            else if (quote == '"' && text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"line {LineOf(text, start)}: the quoted value does not end on its line; edit it by hand");
    }

    private static int Offset(string text, int line, int column)
    {
        var offset = 0;
        for (var l = 1; l < line; l++)
        {
            offset = text.IndexOf('\n', offset) + 1;
            if (offset == 0)
            {
                throw new InvalidOperationException($"line {line} is past the end of the text");
            }
        }

        return offset + column - 1;
    }

    private static int LineOf(string text, int offset) => text.AsSpan(0, offset).Count('\n') + 1;
}
