using RepoML.Core.Site;

namespace RepoML.Workflows.Site;

/// <summary>
/// Writes the site's pages into a folder, touching only pages whose content changed (each written to a temp file and
/// renamed over the old one, so a reader never sees half a page), and removing the pages a previous build wrote that
/// this one no longer has. Only files listed in the folder's manifest (<see cref="Manifest"/>) are ever removed, so
/// pointing <c>--out</c> at a folder with other files loses none of them.
/// </summary>
public static class SiteWriter
{
    public const string Manifest = ".repoml-site";

    public static (int Written, int Unchanged, int Removed) Write(string folder, IReadOnlyList<SitePage> pages)
    {
        var root = Path.GetFullPath(folder);
        Directory.CreateDirectory(root);
        var manifestPath = Path.Combine(root, Manifest);
        var before = File.Exists(manifestPath) ? File.ReadAllLines(manifestPath).ToHashSet(StringComparer.Ordinal) : [];
        int written = 0, unchanged = 0, removed = 0;
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var path = Inside(root, page.Path);
            var bytes = Encoding.UTF8.GetBytes(page.Content);
            if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                unchanged++;
                continue;
            }

            var parent = Path.GetDirectoryName(path)!;
            if (folders.Add(parent))
            {
                Directory.CreateDirectory(parent);
            }

            var temp = Path.Combine(parent, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
            written++;
        }

        var now = pages.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in before.Where(p => !now.Contains(p) && p.Length > 0))
        {
            var path = Path.GetFullPath(Path.Combine(root, stale));
            if (path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path))
            {
                File.Delete(path);
                removed++;
            }
        }

        File.WriteAllText(Path.Combine(root, ".nojekyll"), "");
        File.WriteAllLines(manifestPath, now.Order(StringComparer.Ordinal));
        return (written, unchanged, removed);
    }

    private static string Inside(string root, string relative)
    {
        var path = Path.GetFullPath(Path.Combine(root, relative));
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw WorkflowException.Invalid($"site page '{relative}' would be written outside {root}");
    }
}
