namespace RepoML.Core.Reports;

/// <summary>
/// A table both report formats render from the same cells, so the HTML page never shows Markdown source: Markdown escapes
/// every cell through <see cref="MarkdownText.Cell"/> (pipes, emphasis, links, tags, mentions a hostile feature name could carry); HTML encodes every cell.
/// </summary>
/// <param name="Numeric">Column indexes aligned right (numbers).</param>
/// <param name="RowClasses">Per row, an optional CSS class for the HTML row (for example <c>drifted</c>).</param>
public sealed record ReportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlySet<int> Numeric,
    IReadOnlyList<string?>? RowClasses = null)
{
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append("| ").AppendJoin(" | ", Headers.Select(MarkdownText.Cell)).AppendLine(" |");
        md.Append('|').AppendJoin('|', Headers.Select((_, i) => Numeric.Contains(i) ? "---:" : "---")).AppendLine("|");
        foreach (var row in Rows) { md.Append("| ").AppendJoin(" | ", row.Select(MarkdownText.Cell)).AppendLine(" |"); }
        return md.ToString();
    }

    public string ToHtml()
    {
        var html = new StringBuilder("<table><thead><tr>");
        foreach (var (header, i) in Headers.Select((h, i) => (h, i)))
        {
            html.Append(Numeric.Contains(i) ? "<th class=\"n\">" : "<th>").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        for (var r = 0; r < Rows.Count; r++)
        {
            html.Append(RowClasses?[r] is { } css ? $"<tr class=\"{WebUtility.HtmlEncode(css)}\">" : "<tr>");
            for (var i = 0; i < Rows[r].Count; i++)
            {
                html.Append(Numeric.Contains(i) ? "<td class=\"n\">" : "<td>").Append(WebUtility.HtmlEncode(Rows[r][i])).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }
}
