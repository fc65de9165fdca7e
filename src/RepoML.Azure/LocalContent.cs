using System.Security.Cryptography;
using RepoML.Core.Artifacts;

namespace RepoML.Azure;

/// <summary>
/// Local files to upload, named by content: a file by its sha256, a folder by the digest of its
/// <see cref="ArtifactManifest"/> (the same digest <c>repoml run</c> gives the folder locally).
/// </summary>
public sealed record LocalContent(Digest Digest, string Name, bool IsFolder, IReadOnlyList<LocalContent.Entry> Files)
{
    /// <summary>Folders never snapshotted: version control and RepoML's own state.</summary>
    public static IReadOnlyList<string> Excluded { get; } = [".git", ".repoml"];

    public static async Task<LocalContent> FromFileAsync(string path, CancellationToken cancellationToken)
    {
        var entry = await HashAsync(path, Path.GetFileName(path), cancellationToken).ConfigureAwait(false);
        return new LocalContent(entry.Digest, Path.GetFileName(path), false, [entry]);
    }

    public static async Task<LocalContent> FromFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(folder);
        var files = new List<Entry>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var file in Directory.EnumerateFiles(root, "*", options))
        {
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (!Excluded.Any(e => relative == e || relative.StartsWith(e + "/", StringComparison.Ordinal)))
            {
                files.Add(await HashAsync(file, relative, cancellationToken).ConfigureAwait(false));
            }
        }

        var manifest = new ArtifactManifest(files.Select(f => new ArtifactManifestEntry(f.Path, f.Size, f.Digest)));
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(root));
        return new LocalContent(manifest.ComputeDigest(), name, true, [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)]);
    }

    private static async Task<Entry> HashAsync(string file, string relative, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return new Entry(relative, stream.Length, Digest.FromHash(hash), file);
    }

    /// <summary>A file of the content: its path inside it, size, digest and where it is on disk.</summary>
    public sealed record Entry(string Path, long Size, Digest Digest, string LocalPath);
}
