namespace RepoML.Tests.Shared;

/// <summary>
/// Reads Markdown the way GitHub's table extension splits it, to prove hostile cells kept their table whole: a row's cells end at
/// every pipe not escaped by a backslash, and a backslash escapes whatever follows it (so <c>\\|</c> ends the cell).
/// </summary>
public static class MarkdownTables
{
    /// <summary>Throws unless every table in <paramref name="markdown"/> has as many cells in each row as in its header.</summary>
    public static void AssertWhole(string markdown)
    {
        var lines = markdown.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int? expected = null;
        foreach (var line in lines)
        {
            if (!line.StartsWith('|')) { expected = null; continue; }
            var cells = Cells(line);
            expected ??= cells;
            Assert.True(cells == expected, $"a table row has {cells} cells, its header {expected}: {line}");
        }
    }

    /// <summary>
    /// Characters of <paramref name="markdown"/> that GitHub would read as markup: each <paramref name="c"/> neither preceded by an escaping
    /// backslash nor inside a code span (a backtick run up to the next run of the same length); with <paramref name="followedBy"/>, only
    /// where that character follows (<c>](</c> starts a link's target).
    /// </summary>
    public static int Unescaped(string markdown, char c, bool skipCode = true, char? followedBy = null)
    {
        var count = 0;
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\\') { i++; continue; }
            if (skipCode && markdown[i] == '`' && c != '`')
            {
                var run = Run(markdown, i);
                var close = i + run;
                while (close < markdown.Length && (markdown[close] != '`' || Run(markdown, close) != run)) { close += markdown[close] == '`' ? Run(markdown, close) : 1; }
                if (close < markdown.Length) { i = close + run - 1; continue; }
            }

            if (markdown[i] == c && (followedBy is null || (i + 1 < markdown.Length && markdown[i + 1] == followedBy))) { count++; }
        }

        return count;
    }

    private static int Run(string text, int at)
    {
        var end = at;
        while (end < text.Length && text[end] == '`') { end++; }
        return end - at;
    }

    private static int Cells(string line) => Unescaped(line.Trim(), '|', skipCode: false) - 1;
}
