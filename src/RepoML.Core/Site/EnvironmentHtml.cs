using static RepoML.Core.Site.SiteHtml;

namespace RepoML.Core.Site;

/// <summary>
/// An environment version's section: what it is built from (image, conda file, Dockerfile, as the registration commit
/// held them) and which model versions were trained in it (a run's job whose environment is this version, by content
/// digest or by an explicit <c>azureml:NAME:VERSION</c>).
/// </summary>
public static class EnvironmentHtml
{
    public static string Render(SiteModel model, string path, VersionView view)
    {
        var html = new StringBuilder("<h2 id=\"environment\">Built from</h2>\n");
        if (view.Environment is not { } files)
        {
            html.Append("<p class=\"muted\">The spec this version was registered from is not in its registration commit.</p>\n");
        }
        else
        {
            html.Append($"<table class=\"facts\"><tbody><tr><th scope=\"row\">Spec</th><td><code>{E(files.Spec)}</code></td></tr>")
                .Append($"<tr><th scope=\"row\">Image</th><td>{(files.Image is { } image ? $"<code>{E(image)}</code>" : "–")}</td></tr>")
                .Append($"<tr><th scope=\"row\">Conda file</th><td>{(files.CondaPath is { } conda ? $"<code>{E(conda)}</code>" : "–")}</td></tr>")
                .Append($"<tr><th scope=\"row\">Dockerfile</th><td>{(files.DockerfilePath is { } docker ? $"<code>{E(docker)}</code>" : "–")}</td></tr>")
                .Append("</tbody></table>\n");
            foreach (var (id, title, text) in new[] { ("conda", "Conda file", files.Conda), ("dockerfile", "Dockerfile", files.Dockerfile) })
            {
                if (text is not null)
                {
                    html.Append($"<h3>{title}</h3><pre id=\"{id}\">{E(text)}</pre>\n");
                }
            }
        }

        var users = model.Versions.Where(v => v.Version.Kind == AssetKind.Model && Uses(v.Version, view.Version)).ToArray();
        html.Append("<h2 id=\"used-by\">Used by</h2>\n");
        if (users.Length == 0)
        {
            html.Append("<p class=\"muted\">No registered model version was trained in this environment version.</p>\n");
            return html.ToString();
        }

        html.Append("<ul id=\"used-by-list\">");
        foreach (var user in users)
        {
            var v = user.Version;
            html.Append($"<li>{A(path, SitePaths.Version(v), $"{v.Name}:{v.Version}")} (run {E(v.Record.Run!.RunId)}, ")
                .Append($"registered {Date(v.Commit.AuthorDate)})</li>");
        }

        return html.Append("</ul>\n").ToString();
    }

    /// <summary>Whether a model version's run had a job in the environment version.</summary>
    public static bool Uses(RegisteredVersion modelVersion, RegisteredVersion environment) =>
        modelVersion.Record.Run?.Jobs.Any(j => j.EnvironmentDigest == environment.Digest
            || (j.Environment is { } reference && AssetReference.TryParse(reference) is { Version: { } number } parsed && parsed.Name == environment.Name
                && number == environment.Version.ToString(CultureInfo.InvariantCulture))) == true;
}
