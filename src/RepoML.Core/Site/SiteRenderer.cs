using static RepoML.Core.Site.SiteHtml;

namespace RepoML.Core.Site;

/// <summary>
/// Renders a <see cref="SiteModel"/> as static HTML pages: the registry overview, one page per asset and per version,
/// the runs table and comparison, and the endpoints. Pages depend only on the model (no clock), so a rebuild after
/// one new registration rewrites only the pages whose content changed.
/// </summary>
public static class SiteRenderer
{
    public static IReadOnlyList<SitePage> Render(SiteModel model)
    {
        var pages = new List<SitePage> { Index(model) };
        var views = model.Versions.ToLookup(v => (v.Version.Kind, v.Version.Name));
        foreach (var asset in model.Assets)
        {
            pages.Add(Asset(model, asset));
            pages.AddRange(views[(asset.Kind, asset.Name)].Select(v => VersionPage.Render(model, asset, v)));
        }

        pages.Add(RunPages.Runs(model));
        pages.Add(RunPages.Compare(model));
        pages.AddRange(EndpointPages.Render(model));
        return pages;
    }

    private static SitePage Index(SiteModel model)
    {
        const string path = SitePaths.Index;
        var html = new StringBuilder();
        html.Append($"<h1>{E(model.Title)}</h1>\n<p class=\"meta\">Registry of branch <code>{E(model.Branch)}</code> at commit ")
            .Append($"<code>{E(model.Tip ?? "(none)")}</code>: {model.Assets.Count(a => a.Kind == AssetKind.Model)} models, ")
            .Append($"{model.Assets.Count(a => a.Kind == AssetKind.Data)} data assets, ")
            .Append($"{model.Assets.Count(a => a.Kind == AssetKind.Environment)} environments, {model.Versions.Count} versions, ")
            .Append($"{model.Runs.Count} runs, {model.Endpoints.Count} endpoints.</p>\n");
        html.Append("<input class=\"filter\" type=\"search\" data-filter=\"assets\" placeholder=\"Filter assets\" aria-label=\"Filter assets\" hidden>\n");
        html.Append("<table id=\"assets\" class=\"sortable\"><thead><tr>")
            .Append(string.Concat(new[] { "Kind", "Name", "Versions", "Latest", "Labels", "Last registered", "By", "Why" }
                .Select(h => $"<th scope=\"col\"><button type=\"button\">{h}</button></th>")))
            .Append("</tr></thead><tbody>\n");
        foreach (var asset in model.Assets)
        {
            var last = asset.Versions[^1];
            var latest = asset.Latest();
            html.Append($"<tr><td>{E(asset.Kind.Word())}</td><td>{A(path, SitePaths.Asset(asset.Kind, asset.Name), asset.Name)}</td>")
                .Append($"<td class=\"n\">{asset.Versions.Count}</td><td class=\"n\">")
                .Append(latest is null ? "–" : A(path, SitePaths.Version(latest), latest.Version.ToString(CultureInfo.InvariantCulture)))
                .Append($"</td><td>{Labels(asset.Labels().Select(l => $"{l.Key}={l.Value.Version}"))}</td>")
                .Append($"<td data-sort=\"{last.Commit.AuthorDate.UtcDateTime:O}\">{Date(last.Commit.AuthorDate)}</td>")
                .Append($"<td>{E(last.Commit.AuthorName)}</td><td>{E(last.Commit.Subject)}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
        if (model.Problems.Count > 0)
        {
            html.Append("<h2>Problems in the registry's history</h2><ul>")
                .Append(string.Concat(model.Problems.Select(p => $"<li>{E(p)}</li>"))).Append("</ul>\n");
        }

        return Page(path, "Registry", model.Title, html.ToString());
    }

    private static SitePage Asset(SiteModel model, RegisteredAsset asset)
    {
        var path = SitePaths.Asset(asset.Kind, asset.Name);
        var labels = asset.Labels();
        var metrics = asset.Versions.SelectMany(v => v.Record.Metrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Take(8).ToArray();
        var html = new StringBuilder();
        html.Append($"<h1>{E(asset.Kind.Word())} {E(asset.Name)}</h1>\n<p class=\"meta\">{asset.Versions.Count} versions · labels: ")
            .Append(Labels(labels.Select(l => $"{l.Key}={l.Value.Version}").Prepend($"latest={asset.Latest()?.Version.ToString(CultureInfo.InvariantCulture) ?? "none"}")))
            .Append("</p>\n<table id=\"versions\" class=\"sortable\"><thead><tr>")
            .Append(string.Concat(new[] { "Version", "Registered", "By", "Why", "Digest", "Tags" }.Concat(metrics)
                .Select(h => $"<th scope=\"col\"><button type=\"button\">{E(h)}</button></th>")))
            .Append("</tr></thead><tbody>\n");
        foreach (var version in asset.Versions.Reverse())
        {
            var names = labels.Where(l => l.Value.Key == version.Key).Select(l => l.Key)
                .Concat(asset.IsArchived(version) ? ["archived"] : []);
            html.Append($"<tr><td data-sort=\"{version.Version}\">{A(path, SitePaths.Version(version), version.Version.ToString(CultureInfo.InvariantCulture))} ")
                .Append(Labels(names)).Append($"</td><td data-sort=\"{version.Commit.AuthorDate.UtcDateTime:O}\">{Date(version.Commit.AuthorDate)}</td>")
                .Append($"<td>{E(version.Commit.AuthorName)}</td><td>{E(version.Commit.Subject)}</td><td><code>{E(version.Key)}</code></td>")
                .Append($"<td>{E(string.Join(", ", version.Record.Tags.Select(t => $"{t.Key}={t.Value}")))}</td>")
                .Append(string.Concat(metrics.Select(m => $"<td class=\"n\">{Number(version.Record.Metrics.TryGetValue(m, out var v) ? v : null)}</td>")))
                .Append("</tr>\n");
        }

        html.Append("</tbody></table>\n<h2>History</h2><ol>");
        foreach (var e in asset.Events)
        {
            var target = e.Key is null ? null : asset.ByKey(e.Key);
            html.Append($"<li>{Date(e.Commit.AuthorDate)} · {E(e.Commit.AuthorName)}: {E(e.Type.ToString())}")
                .Append(target is null ? "" : " " + A(path, SitePaths.Version(target), $"version {target.Version}"))
                .Append(e.Label is null ? "" : $" label <span class=\"label\">{E(e.Label)}</span>").Append($" — {E(e.Commit.Subject)}</li>");
        }

        html.Append("</ol>\n");
        return Page(path, $"{asset.Kind.Word()} {asset.Name}", model.Title, html.ToString());
    }

    /// <summary>Label chips (archived in red).</summary>
    public static string Labels(IEnumerable<string> labels) =>
        string.Concat(labels.Select(l => $"<span class=\"label{(l == "archived" ? " archived" : "")}\">{E(l)}</span>"));
}
