using static RepoML.Core.Site.SiteHtml;

namespace RepoML.Core.Site;

/// <summary>
/// The endpoints overview and one page per endpoint: its deployments over time, its traffic split's history, its rollout
/// steps and its monitors' runs (<see cref="EndpointActivityHtml"/>).
/// </summary>
public static class EndpointPages
{
    public static IEnumerable<SitePage> Render(SiteModel model)
    {
        const string index = SitePaths.Endpoints;
        var html = new StringBuilder("<h1>Endpoints</h1>\n");
        if (model.Endpoints.Count == 0)
        {
            html.Append("<p class=\"muted\">No endpoint in <code>endpoints/</code> has used a registered version.</p>\n");
        }

        html.Append("<ul>");
        foreach (var endpoint in model.Endpoints)
        {
            var active = endpoint.Uses.Where(u => u.Active).Select(u => $"{u.Deployment} → {u.Version.Name}:{u.Version.Version}");
            var split = endpoint.Traffic.Count > 0 ? Split(endpoint.Traffic[^1].Split) : "no traffic split";
            html.Append($"<li>{A(index, SitePaths.Endpoint(endpoint.Name), endpoint.Name)}: {E(string.Join(", ", active))} ({E(split)})</li>");
        }

        yield return Page(index, "Endpoints", model.Title, html.Append("</ul>\n").ToString());
        foreach (var endpoint in model.Endpoints)
        {
            yield return Endpoint(model, endpoint);
        }
    }

    private static SitePage Endpoint(SiteModel model, EndpointView endpoint)
    {
        var path = SitePaths.Endpoint(endpoint.Name);
        var html = new StringBuilder();
        html.Append($"<p class=\"meta\">{A(path, SitePaths.Endpoints, "Endpoints")}</p>\n<h1>Endpoint {E(endpoint.Name)}</h1>\n")
            .Append("<h2>Deployments</h2><table id=\"uses\" class=\"sortable\"><thead><tr>")
            .Append(string.Concat(new[] { "Deployment", "Version", "Reference", "Since", "Until" }
                .Select(h => $"<th scope=\"col\"><button type=\"button\">{h}</button></th>")))
            .Append("</tr></thead><tbody>");
        foreach (var use in endpoint.Uses)
        {
            html.Append($"<tr><td>{E(use.Deployment)}</td><td>{A(path, SitePaths.Version(use.Version), $"{use.Version.Name}:{use.Version.Version}")}</td>")
                .Append($"<td><code>{E(use.Reference)}</code></td><td data-sort=\"{use.SincePosition}\">{Date(use.Since.AuthorDate)} ")
                .Append($"<code>{E(use.Since.ShortSha)}</code> {E(use.Since.Subject)}</td>")
                .Append($"<td>{(use.Until is { } u ? $"{Date(u.AuthorDate)} <code>{E(u.ShortSha)}</code> {E(u.Subject)}" : "active")}</td></tr>");
        }

        html.Append("</tbody></table>\n<h2>Traffic split over time</h2>\n");
        if (endpoint.Traffic.Count == 0)
        {
            html.Append("<p class=\"muted\">No traffic split recorded (a batch endpoint, or none set).</p>\n");
        }
        else
        {
            html.Append(Chart(endpoint.Traffic)).Append("<table id=\"traffic\"><thead><tr><th>When</th><th>Commit</th><th>By</th><th>Why</th>")
                .Append("<th>Split</th></tr></thead><tbody>")
                .Append(string.Concat(endpoint.Traffic.Select(t => $"<tr><td>{Date(t.Commit.AuthorDate)}</td><td><code>{E(t.Commit.ShortSha)}</code></td>" +
                    $"<td>{E(t.Commit.AuthorName)}</td><td>{E(t.Commit.Subject)}</td><td>{E(Split(t.Split))}</td></tr>")))
                .Append("</tbody></table>\n");
        }

        html.Append(EndpointActivityHtml.Rollout(endpoint)).Append(EndpointActivityHtml.Monitoring(endpoint));
        return Page(path, "Endpoint " + endpoint.Name, model.Title, html.ToString());
    }

    private static string Split(IReadOnlyDictionary<string, int> split) =>
        split.Count == 0 ? "removed" : string.Join(", ", split.Select(s => $"{s.Key} {s.Value} %"));

    /// <summary>Stacked bars, one per change of the split, each deployment in its own colour.</summary>
    private static string Chart(IReadOnlyList<TrafficChange> traffic)
    {
        string[] colors = ["#2563eb", "#16a34a", "#ea580c", "#9333ea", "#dc2626", "#0891b2"];
        var deployments = traffic.SelectMany(t => t.Split.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var svg = new StringBuilder($"<svg width=\"{40 + traffic.Count * 28 + 160}\" height=\"140\" role=\"img\" aria-label=\"Traffic split over time\">");
        for (var i = 0; i < traffic.Count; i++)
        {
            var y = 110.0;
            foreach (var (name, percent) in traffic[i].Split.Where(s => s.Value > 0).OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                var h = Math.Min(100, percent);
                y -= h;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{30 + i * 28}\" y=\"{y}\" width=\"22\" height=\"{h}\" ")
                    .Append($"fill=\"{colors[deployments.IndexOf(name) % colors.Length]}\"><title>{E($"{traffic[i].Commit.ShortSha}: {name} {percent} %")}</title></rect>");
            }
        }

        for (var d = 0; d < deployments.Count; d++)
        {
            var x = 40 + traffic.Count * 28;
            svg.Append($"<rect x=\"{x}\" y=\"{14 + d * 18}\" width=\"12\" height=\"12\" fill=\"{colors[d % colors.Length]}\"/>")
                .Append($"<text x=\"{x + 18}\" y=\"{24 + d * 18}\">{E(deployments[d])}</text>");
        }

        return svg.Append("<text x=\"0\" y=\"14\">100 %</text><text x=\"12\" y=\"114\">0</text></svg>\n").ToString();
    }
}
