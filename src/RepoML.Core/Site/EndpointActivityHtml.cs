using static RepoML.Core.Site.SiteHtml;

namespace RepoML.Core.Site;

/// <summary>
/// An endpoint page's rollout and monitoring sections: the rollout steps its history records, with their reasons; each
/// monitor's latest run and its drift share over time. Nothing is rendered for a monitor that keeps no history.
/// </summary>
public static class EndpointActivityHtml
{
    public static string Rollout(EndpointView endpoint)
    {
        var html = new StringBuilder("<h2 id=\"rollout\">Rollout steps</h2>\n");
        if (endpoint.Rollout.Count == 0)
        {
            return html.Append("<p class=\"muted\">No rollout step (<code>repoml promote</code>) in this endpoint's history.</p>\n").ToString();
        }

        html.Append("<table id=\"rollout-steps\"><thead><tr><th>When</th><th>Commit</th><th>By</th><th>Action</th><th>Version</th><th>Step</th>")
            .Append("<th>Why</th></tr></thead><tbody>");
        foreach (var step in endpoint.Rollout)
        {
            html.Append($"<tr{(step.RolledBack ? " class=\"worse\"" : "")}><td>{Date(step.Commit.AuthorDate)}</td>")
                .Append($"<td><code>{E(step.Commit.ShortSha)}</code></td>")
                .Append($"<td>{E(step.Commit.AuthorName)}</td><td>{E(step.Action)}</td><td>{E(step.Version)}</td><td>{E(step.Step)}</td>")
                .Append($"<td>{E(step.Why ?? step.Commit.Subject)}</td></tr>");
        }

        return html.Append("</tbody></table>\n").ToString();
    }

    public static string Monitoring(EndpointView endpoint)
    {
        if (endpoint.Monitoring.Count == 0)
        {
            return "";
        }

        var html = new StringBuilder("<h2 id=\"monitoring\">Monitoring</h2>\n");
        foreach (var runs in endpoint.Monitoring.GroupBy(m => m.Monitor, StringComparer.Ordinal))
        {
            var latest = runs.Last();
            html.Append($"<h3>Monitor {E(runs.Key)}</h3>\n<p class=\"monitor-latest\">Latest run {Date(latest.When)}: ")
                .Append(latest.Drifted switch { true => "<strong class=\"worse\">data drifted</strong>", false => "no data drift", _ => "drift not computed" })
                .Append(latest.DriftShare is { } share ? $", {share.ToString("P0", CultureInfo.InvariantCulture)} of features drifted" : "")
                .Append($", {latest.Alerts} alert{(latest.Alerts == 1 ? "" : "s")}.</p>\n")
                .Append(Chart(runs.Key, [.. runs]))
                .Append("<table class=\"monitor-runs\"><thead><tr><th>When</th><th>Drift share</th><th>Drifted</th><th>Alerts</th></tr></thead><tbody>")
                .Append(string.Concat(runs.Reverse().Select(r => $"<tr><td>{Date(r.When)}</td><td class=\"n\">{Number(r.DriftShare)}</td>" +
                    $"<td>{(r.Drifted is { } d ? d ? "yes" : "no" : "–")}</td><td class=\"n\">{r.Alerts}</td></tr>")))
                .Append("</tbody></table>\n");
        }

        return html.ToString();
    }

    /// <summary>The drift share of each run as a line over time (0–100 %), a dot per run, red where the data drifted.</summary>
    private static string Chart(string monitor, IReadOnlyList<MonitorPoint> runs)
    {
        var points = runs.Where(r => r.DriftShare is not null).ToList();
        if (points.Count == 0)
        {
            return "";
        }

        const double width = 480, height = 120, left = 40;
        string X(int i) => (left + (points.Count == 1 ? width / 2 : i * width / (points.Count - 1))).ToString("0.#", CultureInfo.InvariantCulture);
        string Y(double share) => (10 + (1 - Math.Clamp(share, 0, 1)) * height).ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new StringBuilder($"<svg class=\"drift-chart\" width=\"{left + width + 20}\" height=\"{height + 30}\" role=\"img\" ")
            .Append($"aria-label=\"{E($"Drift share over time, monitor {monitor}")}\">")
            .Append($"<text x=\"0\" y=\"14\">100 %</text><text x=\"18\" y=\"{height + 14}\">0</text>")
            .Append($"<polyline fill=\"none\" stroke=\"#2563eb\" stroke-width=\"2\" points=\"")
            .AppendJoin(' ', points.Select((p, i) => $"{X(i)},{Y(p.DriftShare!.Value)}")).Append("\"/>");
        for (var i = 0; i < points.Count; i++)
        {
            var (share, color) = (points[i].DriftShare!.Value, points[i].Drifted == true ? "#dc2626" : "#16a34a");
            svg.Append($"<circle cx=\"{X(i)}\" cy=\"{Y(share)}\" r=\"4\" fill=\"{color}\">")
                .Append($"<title>{E($"{Date(points[i].When)}: {share.ToString("P0", CultureInfo.InvariantCulture)} drifted")}</title></circle>");
        }

        return svg.Append("</svg>\n").ToString();
    }
}
