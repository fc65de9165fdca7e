using RepoML.Core.Lineage;
using static RepoML.Core.Site.SiteHtml;

namespace RepoML.Core.Site;

/// <summary>
/// A version's page: who registered it, when and why; its lineage graph; the run that produced it (parameters, metrics,
/// jobs); what changed since the previous version; where it is deployed and the traffic it had; its data profile.
/// </summary>
public static class VersionPage
{
    public static SitePage Render(SiteModel model, RegisteredAsset asset, VersionView view)
    {
        var version = view.Version;
        var record = version.Record;
        var path = SitePaths.Version(version);
        var lineage = view.Lineage;
        var html = new StringBuilder();
        html.Append($"<p class=\"meta\">{A(path, SitePaths.Index, "Registry")} › {A(path, SitePaths.Asset(version.Kind, version.Name), version.Name)}</p>\n")
            .Append($"<h1>{E(version.Kind.Word())} {E(version.Name)} version {version.Version} ")
            .Append(SiteRenderer.Labels(lineage.Labels.Concat(lineage.Archived ? ["archived"] : []))).Append("</h1>\n");
        if (record.Description is { Length: > 0 } description)
        {
            html.Append($"<p class=\"description\">{E(description)}</p>\n");
        }

        html.Append("<table class=\"facts\"><tbody>")
            .Append(Row("Registered by", $"{E(version.Commit.AuthorName)} &lt;{E(version.Commit.AuthorEmail)}&gt;"))
            .Append(Row("When", Date(version.Commit.AuthorDate)))
            .Append(Row("Why", $"<pre>{E(version.Commit.Message.Trim())}</pre>"))
            .Append(Row("Registry commit", $"<code>{E(version.Commit.Sha)}</code>"))
            .Append(Row("Source commit", record.SourceCommit is { } source ? $"<code>{E(source)}</code>" +
                (lineage.SourceCommit is { } c ? $" by {E(c.AuthorName)}: {E(c.Subject)}" : "") : "–"))
            .Append(Row("Content", $"<code>{E(record.Digest)}</code> · {record.FileCount} files · {record.Size:N0} bytes"))
            .Append(Row("Spec", E(record.Spec ?? "–")))
            .Append(Row("Previous", lineage.Previous is { } p ? A(path, SitePaths.Version(p), $"version {p.Version}") : "–"))
            .Append(Row("Next", lineage.Next is { } n ? A(path, SitePaths.Version(n), $"version {n.Version}") : "–"))
            .Append(Row("Tags", E(string.Join(", ", record.Tags.Select(t => $"{t.Key}={t.Value}")))))
            .Append(Row("Properties", E(string.Join(", ", record.Properties.Select(t => $"{t.Key}={t.Value}")))))
            .Append("</tbody></table>\n");

        html.Append("<h2 id=\"lineage\">Lineage</h2>\n<div class=\"graph\">")
            .Append(LineageSvg.Render(view.Graph, Self(version), node => Href(model, node), path)).Append("</div>\n");
        Run(html, path, record);
        Delta(html, path, view.Delta);
        Deployments(html, path, view);
        if (version.Kind == AssetKind.Data)
        {
            html.Append(ProfileHtml.Render(view.Profile, view.ProfileDiff));
        }
        else if (version.Kind == AssetKind.Environment)
        {
            html.Append(EnvironmentHtml.Render(model, path, view));
        }

        return Page(path, $"{version.Name}:{version.Version}", model.Title, html.ToString());
    }

    /// <summary>The lineage graph's id of a version node (see <see cref="LineageGraph"/>).</summary>
    public static string Self(RegisteredVersion v) => $"{v.Kind.ToString().ToLowerInvariant()}:{v.Name}:{v.Version}";

    /// <summary>The page a lineage node links to: a registered version, a run's row, an endpoint; null for none.</summary>
    public static string? Href(SiteModel model, LineageNode node)
    {
        var parts = node.Id.Split(':');
        return node.Type switch
        {
            "run" => SitePaths.Runs + "#" + SitePaths.RunAnchor(node.Id["run:".Length..]),
            "deployment" => SitePaths.Endpoint(node.Id["deployment:".Length..].Split('/')[0]),
            _ when parts.Length == 3 && AssetKinds.Parse(parts[0]) is { } kind && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var number)
                && model.Assets.FirstOrDefault(a => a.Kind == kind && a.Name == parts[1])?.Version(number) is { } v => SitePaths.Version(v),
            _ => null,
        };
    }

    private static void Run(StringBuilder html, string path, RegistrationRecord record)
    {
        html.Append("<h2 id=\"run\">Run</h2>\n");
        if (record.Run is not { } run)
        {
            html.Append("<p class=\"muted\">Registered from files, not from a pipeline run.</p>\n");
        }
        else
        {
            html.Append($"<p>{A(path, SitePaths.Runs + "#" + SitePaths.RunAnchor(run.RunId), "run " + run.RunId)} of <code>{E(run.Pipeline)}</code>, ")
                .Append($"started {Date(run.StartedAt)}, output <code>{E(run.Output)}</code> of job <code>{E(run.Job)}</code>.</p>\n")
                .Append("<table><thead><tr><th>Job</th><th>Status</th><th>Environment</th><th>Inputs</th></tr></thead><tbody>");
            foreach (var job in run.Jobs)
            {
                html.Append($"<tr><td>{E(job.Name)}</td><td>{E(job.Status)}{(job.Cached ? " (cached)" : "")}</td><td>{E(job.Environment ?? "–")}</td>")
                    .Append($"<td>{E(string.Join(", ", job.Inputs.Select(i => $"{i.Key}={Short(i.Value)}")))}</td></tr>");
            }

            html.Append("</tbody></table>\n");
        }

        if (record.Metrics.Count > 0)
        {
            html.Append("<h3>Metrics</h3><table id=\"metrics\"><tbody>")
                .Append(string.Concat(record.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal)
                    .Select(m => $"<tr><th scope=\"row\">{E(m.Key)}</th><td class=\"n\">{Number(m.Value)}</td></tr>")))
                .Append("</tbody></table>\n");
        }
    }

    private static void Delta(StringBuilder html, string path, VersionDelta? delta)
    {
        html.Append("<h2 id=\"compare\">Compared with the previous version</h2>\n");
        if (delta is null)
        {
            html.Append("<p class=\"muted\">The first version.</p>\n");
            return;
        }

        html.Append($"<p>Against {A(path, SitePaths.Version(delta.Previous), $"version {delta.Previous.Version}")}: ")
            .Append(delta.ContentChanged ? "content changed" : "same content").Append(".</p>\n");
        if (delta.Metrics.Count > 0)
        {
            html.Append("<table id=\"metric-deltas\"><thead><tr><th>Metric</th><th>Before</th><th>After</th><th>Δ</th></tr></thead><tbody>");
            foreach (var m in delta.Metrics)
            {
                var cls = m.Delta is > 0 ? "better" : m.Delta is < 0 ? "worse" : "";
                html.Append($"<tr><td>{E(m.Name)}</td><td class=\"n\">{Number(m.Before)}</td><td class=\"n\">{Number(m.After)}</td>")
                    .Append($"<td class=\"n {cls}\">{Signed(m.Delta)}</td></tr>");
            }

            html.Append("</tbody></table>\n");
        }

        foreach (var (title, changes) in new[] { ("Parameters", delta.Parameters), ("Tags", delta.Tags) }.Where(c => c.Item2.Count > 0))
        {
            html.Append($"<h3>{title} changed</h3><table><thead><tr><th>Name</th><th>Before</th><th>After</th></tr></thead><tbody>")
                .Append(string.Concat(changes.Select(c => $"<tr><td>{E(c.Name)}</td><td>{E(c.Before ?? "–")}</td><td>{E(c.After ?? "–")}</td></tr>")))
                .Append("</tbody></table>\n");
        }
    }

    private static void Deployments(StringBuilder html, string path, VersionView view)
    {
        html.Append("<h2 id=\"deployments\">Deployments</h2>\n");
        if (view.Lineage.Deployments.Count == 0)
        {
            html.Append("<p class=\"muted\">Never deployed.</p>\n");
            return;
        }

        html.Append("<table><thead><tr><th>Endpoint</th><th>Deployment</th><th>Since</th><th>Until</th></tr></thead><tbody>");
        foreach (var use in view.Lineage.Deployments)
        {
            html.Append($"<tr><td>{A(path, SitePaths.Endpoint(use.Endpoint), use.Endpoint)}</td><td>{E(use.Deployment)}</td>")
                .Append($"<td>{Date(use.Since.AuthorDate)} <code>{E(use.Since.ShortSha)}</code></td>")
                .Append($"<td>{(use.Until is { } u ? $"{Date(u.AuthorDate)} <code>{E(u.ShortSha)}</code>" : "active")}</td></tr>");
        }

        html.Append("</tbody></table>\n");
        if (view.Traffic.Count > 0)
        {
            html.Append("<h3>Traffic over time</h3><table id=\"traffic\"><thead><tr><th>From</th><th>Endpoint</th><th>Deployment</th><th>Share</th></tr>")
                .Append("</thead><tbody>")
                .Append(string.Concat(view.Traffic.Select(t => $"<tr><td>{Date(t.Commit.AuthorDate)} <code>{E(t.Commit.ShortSha)}</code></td>" +
                    $"<td>{E(t.Endpoint)}</td><td>{E(t.Deployment)}</td><td class=\"n\">{t.Percent} %</td></tr>")))
                .Append("</tbody></table>\n");
        }
    }

    private static string Row(string name, string html) => $"<tr><th scope=\"row\">{name}</th><td>{html}</td></tr>";

    private static string Short(string value) => value.StartsWith("sha256:", StringComparison.Ordinal) && value.Length > 19 ? value[..19] : value;
}
