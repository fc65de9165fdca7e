using RepoML.Core.Lineage;

namespace RepoML.Core.Site;

/// <summary>
/// Draws a lineage graph as SVG, left to right: each node in the column one past its furthest predecessor, so commits
/// and data come first, then the run and its jobs, the version, and its deployments. Nodes that have a page (versions,
/// runs, endpoints) are links, reachable with the keyboard; full labels and edge relations are in <c>&lt;title&gt;</c>s.
/// </summary>
public static class LineageSvg
{
    private const int Width = 200, Height = 34, ColumnGap = 70, RowGap = 16, Margin = 10;

    /// <param name="hrefOf">The site path a node links to, or null for none.</param>
    public static string Render(LineageGraph graph, string self, Func<LineageNode, string?> hrefOf, string from)
    {
        var column = Columns(graph);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in graph.Nodes.GroupBy(n => column[n.Id]))
        {
            var i = 0;
            foreach (var node in group)
            {
                rows[node.Id] = i++;
            }
        }

        var columns = column.Values.DefaultIfEmpty(0).Max() + 1;
        var height = rows.Values.DefaultIfEmpty(0).Max() + 1;
        var svgWidth = Margin * 2 + columns * Width + (columns - 1) * ColumnGap;
        var svgHeight = Margin * 2 + height * Height + (height - 1) * RowGap;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"lineage\" width=\"{svgWidth}\" height=\"{svgHeight}\" viewBox=\"0 0 {svgWidth} {svgHeight}\" role=\"img\" ")
            .Append("aria-label=\"Lineage graph\"><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" ")
            .Append("markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"#6b7280\"/></marker></defs>\n");
        foreach (var edge in graph.Edges.Where(e => column.ContainsKey(e.From) && column.ContainsKey(e.To)))
        {
            var (x1, y1) = (X(column[edge.From]) + Width, Y(rows[edge.From]) + Height / 2);
            var (x2, y2) = (X(column[edge.To]), Y(rows[edge.To]) + Height / 2);
            svg.Append($"<path d=\"M{x1},{y1}C{x1 + ColumnGap / 2},{y1} {x2 - ColumnGap / 2},{y2} {x2},{y2}\" fill=\"none\" stroke=\"#9ca3af\" ")
                .Append($"stroke-width=\"1.5\" marker-end=\"url(#arrow)\"><title>{SiteHtml.E(edge.Relation)}</title></path>\n");
        }

        foreach (var node in graph.Nodes)
        {
            var (x, y) = (X(column[node.Id]), Y(rows[node.Id]));
            var label = node.Label.Length > 28 ? node.Label[..27] + "…" : node.Label;
            var shape = $"<rect x=\"{x}\" y=\"{y}\" width=\"{Width}\" height=\"{Height}\" rx=\"6\" fill=\"{Fill(node.Type)}\" " +
                $"stroke=\"{(node.Id == self ? "#111827" : "#9ca3af")}\" stroke-width=\"{(node.Id == self ? 2.5 : 1)}\"/>" +
                $"<text x=\"{x + 8}\" y=\"{y + 14}\" fill=\"#4b5563\">{SiteHtml.E(node.Type)}</text>" +
                $"<text x=\"{x + 8}\" y=\"{y + 28}\" fill=\"#111827\">{SiteHtml.E(label)}</text>" +
                $"<title>{SiteHtml.E(node.Type + " " + node.Label)}</title>";
            svg.Append(hrefOf(node) is { } href && node.Id != self
                ? $"<a href=\"{SiteHtml.E(SitePaths.Link(from, href))}\" class=\"node\" data-node=\"{SiteHtml.E(node.Id)}\">{shape}</a>\n"
                : $"<g class=\"node\" data-node=\"{SiteHtml.E(node.Id)}\">{shape}</g>\n");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Longest-path layering; a cycle (which lineage should never have) stops growing after one pass per node.</summary>
    public static IReadOnlyDictionary<string, int> Columns(LineageGraph graph)
    {
        var column = graph.Nodes.ToDictionary(n => n.Id, _ => 0, StringComparer.Ordinal);
        for (var pass = 0; pass < graph.Nodes.Count; pass++)
        {
            var changed = false;
            foreach (var edge in graph.Edges.Where(e => column.ContainsKey(e.From) && column.ContainsKey(e.To) && e.From != e.To))
            {
                if (column[edge.To] < column[edge.From] + 1)
                {
                    column[edge.To] = column[edge.From] + 1;
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return column;
    }

    private static int X(int column) => Margin + column * (Width + ColumnGap);

    private static int Y(int row) => Margin + row * (Height + RowGap);

    private static string Fill(string type) => type switch
    {
        "model" => "#dbeafe",
        "data" => "#dcfce7",
        "environment" => "#fef3c7",
        "run" or "job" => "#ede9fe",
        "deployment" => "#fee2e2",
        _ => "#f3f4f6",
    };
}
