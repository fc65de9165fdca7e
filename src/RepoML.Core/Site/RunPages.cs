using static RepoML.Core.Site.SiteHtml;

namespace RepoML.Core.Site;

/// <summary>
/// The runs table (one row per run that produced a registered version; its parameters and metrics as columns, sortable
/// and filterable with the script, complete without it) and the comparison page, which draws any runs chosen there.
/// </summary>
public static class RunPages
{
    /// <summary>At most this many parameter and metric columns each; the version pages list them all.</summary>
    public const int MaxColumns = 12;

    public static SitePage Runs(SiteModel model)
    {
        const string path = SitePaths.Runs;
        var parameters = Columns(model.Runs.SelectMany(r => r.Parameters.Keys));
        var metrics = Columns(model.Runs.SelectMany(r => r.Metrics.Keys));
        var html = new StringBuilder();
        html.Append($"<h1>Runs</h1>\n<p class=\"meta\">{model.Runs.Count} pipeline runs that produced registered versions. ")
            .Append("Choose two or more to compare them side by side.</p>\n")
            .Append("<input class=\"filter\" type=\"search\" data-filter=\"runs\" placeholder=\"Filter runs\" aria-label=\"Filter runs\" hidden>\n")
            .Append($"<button type=\"button\" id=\"compare-selected\" data-href=\"{SitePaths.Compare}\" hidden>Compare selected</button>\n")
            .Append("<table id=\"runs\" class=\"sortable\"><thead><tr><th scope=\"col\">Pick</th>")
            .Append(string.Concat(new[] { "Run", "Started", "Pipeline", "Commit", "Produced" }.Concat(parameters).Concat(metrics)
                .Select(h => $"<th scope=\"col\"><button type=\"button\">{E(h)}</button></th>")))
            .Append("</tr></thead><tbody>\n");
        foreach (var run in model.Runs)
        {
            html.Append($"<tr id=\"{E(SitePaths.RunAnchor(run.RunId))}\"><td><input type=\"checkbox\" class=\"pick\" value=\"{E(run.RunId)}\" ")
                .Append($"aria-label=\"Pick run {E(run.RunId)}\"></td><td>{E(run.RunId)}</td>")
                .Append($"<td data-sort=\"{run.StartedAt.UtcDateTime:O}\">{Date(run.StartedAt)}</td><td>{E(run.Pipeline)}</td>")
                .Append($"<td><code>{E(run.Commit is { Length: > 12 } c ? c[..12] : run.Commit ?? "–")}</code></td><td>")
                .AppendJoin(", ", run.Produced.Select(v => A(path, SitePaths.Version(v), $"{v.Name}:{v.Version}"))).Append("</td>")
                .Append(string.Concat(parameters.Select(p => $"<td>{E(run.Parameters.GetValueOrDefault(p) ?? "–")}</td>")))
                .Append(string.Concat(metrics.Select(m => $"<td class=\"n\">{Number(run.Metrics.TryGetValue(m, out var v) ? v : null)}</td>")))
                .Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
        return Page(path, "Runs", model.Title, html.ToString());
    }

    public static SitePage Compare(SiteModel model)
    {
        const string path = SitePaths.Compare;
        var html = new StringBuilder();
        html.Append("<h1>Compare runs</h1>\n<p class=\"meta\">Pick runs on the ").Append(A(path, SitePaths.Runs, "runs page"))
            .Append("; without a choice the two newest are shown. Each version's page also compares it with the version before it.</p>\n")
            .Append("<noscript><p>Comparing chosen runs needs JavaScript; every version page shows its comparison with its predecessor ")
            .Append("without it.</p></noscript>\n<div id=\"comparison\"></div>\n")
            .Append("<script type=\"application/json\" id=\"runs-data\">").Append(Json(model.Runs)).Append("</script>\n");
        return Page(path, "Compare runs", model.Title, html.ToString());
    }

    /// <summary>The runs as JSON for the comparison script; the serializer escapes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, so no
    /// value can close the script element.</summary>
    public static string Json(IReadOnlyList<RunRow> runs)
    {
        var array = new JsonArray();
        foreach (var run in runs)
        {
            var parameters = new JsonObject();
            foreach (var (k, v) in run.Parameters)
            {
                parameters[k] = v;
            }

            var metrics = new JsonObject();
            foreach (var (k, v) in run.Metrics.Where(m => double.IsFinite(m.Value)))
            {
                metrics[k] = v;
            }

            array.Add(new JsonObject { ["id"] = run.RunId, ["pipeline"] = run.Pipeline, ["params"] = parameters, ["metrics"] = metrics });
        }

        return array.ToJsonString();
    }

    private static string[] Columns(IEnumerable<string> names) =>
        names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxColumns).ToArray();
}
