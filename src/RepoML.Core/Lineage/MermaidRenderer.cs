namespace RepoML.Core.Lineage;

/// <summary>Renders a <see cref="LineageGraph"/> as a Mermaid flowchart for Markdown (GitHub and Azure DevOps render it).</summary>
public static class MermaidRenderer
{
    public static string Render(LineageGraph graph)
    {
        var ids = graph.Nodes.Select((n, i) => (n.Id, Short: "n" + i)).ToDictionary(p => p.Id, p => p.Short, StringComparer.Ordinal);
        var text = new StringBuilder("flowchart LR\n");
        foreach (var node in graph.Nodes)
        {
            var (open, close) = node.Type switch
            {
                "commit" => ("((", "))"),
                "data" => ("[(", ")]"),
                "deployment" => ("{{", "}}"),
                "model" or "environment" => ("[[", "]]"),
                _ => ("[", "]"),
            };
            text.Append("  ").Append(ids[node.Id]).Append(open).Append('"').Append(Escape($"{node.Type}: {node.Label}")).Append('"')
                .Append(close).Append('\n');
        }

        foreach (var edge in graph.Edges.Where(e => ids.ContainsKey(e.From) && ids.ContainsKey(e.To)))
        {
            text.Append("  ").Append(ids[edge.From]).Append(" -->|").Append(Escape(edge.Relation)).Append("| ").Append(ids[edge.To]).Append('\n');
        }

        return text.ToString();
    }

    // A label is data (an author's name, a deployment's name): inside its quotes Mermaid reads " and | as syntax, #name; and #123; as
    // entities, < and > as HTML, a backtick as a Markdown string and a newline as the end of the statement; each becomes a numeric entity
    // (shown as itself), a newline a space and a control character U+FFFD.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '"' or '|' or '#' or '<' or '>' or '`' or '&' or ';') { escaped.Append(CultureInfo.InvariantCulture, $"#{(int)c};"); }
            else if (c is '\r' or '\n') { escaped.Append(' '); }
            else if (char.IsControl(c)) { escaped.Append('\uFFFD'); }
            else { escaped.Append(c); }
        }

        return escaped.ToString();
    }
}
