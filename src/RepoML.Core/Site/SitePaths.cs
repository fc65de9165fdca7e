namespace RepoML.Core.Site;

/// <summary>
/// Where each page of the registry site lives, and relative links between pages (the site works from <c>file://</c> and
/// from any sub-path of a static host). Names come from the repository, so they become file names only through
/// <see cref="Slug"/>: letters, digits, <c>.</c>, <c>_</c> and <c>-</c> survive; anything else (or a leading dot) is
/// replaced and a short hash of the name keeps two names from sharing a page.
/// </summary>
public static class SitePaths
{
    public const string Index = "index.html";

    public const string Runs = "runs.html";

    public const string Compare = "compare.html";

    public const string Endpoints = "endpoints/index.html";

    public static string Asset(AssetKind kind, string name) => $"{kind.Folder()}/{Slug(name)}/index.html";

    public static string Version(AssetKind kind, string name, int version) => $"{kind.Folder()}/{Slug(name)}/{version}.html";

    public static string Version(RegisteredVersion version) => Version(version.Kind, version.Name, version.Version);

    public static string Endpoint(string name) => $"endpoints/{Slug(name)}.html";

    /// <summary>The id of a run's row on the runs page (also usable in a URL fragment).</summary>
    public static string RunAnchor(string runId) => "run-" + Slug(runId);

    /// <summary>A file-name-safe form of <paramref name="name"/>, distinct for distinct names.</summary>
    public static string Slug(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_').ToArray();
        var slug = new string(chars, 0, Math.Min(chars.Length, 80));
        var changed = slug != name || slug.Length == 0 || slug[0] == '.' || IsReserved(slug);
        return changed ? $"{(slug.Length > 0 && slug[0] == '.' ? "_" + slug[1..] : slug)}-{Hash(name)}" : slug;
    }

    /// <summary>A link from the page at <paramref name="from"/> to the page at <paramref name="to"/> (both site paths).</summary>
    public static string Link(string from, string to)
    {
        var depth = from.Count(c => c == '/');
        return string.Concat(Enumerable.Repeat("../", depth)) + to;
    }

    // "index" would collide with an asset's own index page in the same folder.
    private static bool IsReserved(string slug) => slug.Equals("index", StringComparison.OrdinalIgnoreCase);

    private static string Hash(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
}
