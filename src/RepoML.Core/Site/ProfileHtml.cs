using RepoML.Core.Profiles;
using static RepoML.Core.Site.SiteHtml;

namespace RepoML.Core.Site;

/// <summary>A data version's profile (a row per column with a histogram or its top values) and how it moved since the version before.</summary>
public static class ProfileHtml
{
    public static string Render(DataProfile? profile, ProfileDiff? diff)
    {
        var html = new StringBuilder("<h2 id=\"profile\">Profile</h2>\n");
        if (profile is null)
        {
            html.Append("<p class=\"muted\">No profile was recorded with this version (register it again with a current <code>repoml</code>, ")
                .Append("or run <code>repoml data profile</code>).</p>\n");
            return html.ToString();
        }

        html.Append($"<p>{profile.Rows:N0} rows, {profile.Columns.Count} columns.</p>\n<table id=\"columns\" class=\"sortable\"><thead><tr>")
            .Append(string.Concat(new[] { "Column", "Type", "Missing", "Distinct", "Min", "Mean", "Max", "Std" }
                .Select(h => $"<th scope=\"col\"><button type=\"button\">{h}</button></th>")))
            .Append("<th scope=\"col\">Distribution</th></tr></thead><tbody>\n");
        foreach (var column in profile.Columns)
        {
            var n = column.Numeric;
            html.Append($"<tr><td>{E(column.Name)}</td><td>{E(column.Type.ToString().ToLowerInvariant())}</td>")
                .Append($"<td class=\"n\">{column.MissingShare.ToString("P1", CultureInfo.InvariantCulture)}</td><td class=\"n\">{column.Distinct:N0}</td>")
                .Append($"<td class=\"n\">{Number(n?.Min)}</td><td class=\"n\">{Number(n?.Mean)}</td><td class=\"n\">{Number(n?.Max)}</td>")
                .Append($"<td class=\"n\">{Number(n?.Std)}</td><td>")
                .Append(column.Histogram is { } h ? Bars(h) : E(string.Join(", ", column.Top.Take(5).Select(t =>
                    $"{t.Value} {t.Share.ToString("P0", CultureInfo.InvariantCulture)}"))))
                .Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
        if (diff is not null)
        {
            html.Append($"<h3 id=\"profile-changes\">Changed since the previous version</h3>\n<p>Rows {diff.RowsBefore:N0} → {diff.RowsAfter:N0}.</p>\n");
            var notable = diff.Notable.ToList();
            if (notable.Count == 0)
            {
                html.Append("<p class=\"muted\">No column was added, removed, retyped or drifted (PSI ≥ 0.1).</p>\n");
            }
            else
            {
                html.Append("<table id=\"column-changes\"><thead><tr><th>Column</th><th>Change</th><th>Mean before</th><th>Mean after</th>")
                    .Append("<th>PSI</th><th>Jensen–Shannon</th></tr></thead><tbody>")
                    .Append(string.Concat(notable.Select(c => $"<tr><td>{E(c.Name)}</td><td>{E(c.Change.ToString().ToLowerInvariant())}</td>" +
                        $"<td class=\"n\">{Number(c.MeanBefore)}</td><td class=\"n\">{Number(c.MeanAfter)}</td><td class=\"n\">{Number(c.Psi)}</td>" +
                        $"<td class=\"n\">{Number(c.JensenShannon)}</td></tr>")))
                    .Append("</tbody></table>\n");
            }
        }

        return html.ToString();
    }

    /// <summary>A small histogram: one bar per bin, heights relative to the fullest bin.</summary>
    private static string Bars(Histogram histogram)
    {
        var max = Math.Max(1, histogram.Counts.DefaultIfEmpty(0).Max());
        var svg = new StringBuilder($"<svg width=\"{histogram.Counts.Count * 6}\" height=\"24\" role=\"img\" aria-label=\"Histogram\">");
        for (var i = 0; i < histogram.Counts.Count; i++)
        {
            var h = Math.Max(histogram.Counts[i] > 0 ? 1 : 0, (int)Math.Round(22.0 * histogram.Counts[i] / max));
            svg.Append($"<rect x=\"{i * 6}\" y=\"{24 - h}\" width=\"5\" height=\"{h}\" fill=\"#16a34a\"/>");
        }

        return svg.Append("</svg>").ToString();
    }
}
