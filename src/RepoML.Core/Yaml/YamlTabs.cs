namespace RepoML.Core.Yaml;

/// <summary>
/// YAML forbids tabs in indentation, and YamlDotNet reports one where its scanner gave up (often 1:1, or the line
/// before). When a file fails to parse and a line is indented with a tab, the tab is the cause to show, at its own
/// line and column.
/// </summary>
internal static class YamlTabs
{
    /// <summary>The first tab in a line's leading whitespace, as a syntax diagnostic; null when no line has one.</summary>
    public static Diagnostic? FindIndentingTab(string file, string text)
    {
        var line = 1;
        var column = 1;
        var indenting = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                (line, column, indenting) = (line + 1, 1, true);
                continue;
            }

            if (indenting && c == '\t')
            {
                return Diagnostic.At(DiagnosticIds.YamlSyntax, new SourceSpan(file, line, column),
                    "a tab indents this line; YAML indents with spaces only");
            }

            indenting &= c is ' ' or '\r';
            column++;
        }

        return null;
    }
}
