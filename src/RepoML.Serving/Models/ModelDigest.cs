using RepoML.Core.Artifacts;

namespace RepoML.Serving.Models;

/// <summary>
/// The content address of a served model, computed from the bytes the server loads: a file's sha256, or a folder's
/// manifest digest — the same digest <c>repoml register</c> records for the folder, so a live deployment can be checked
/// against the version Git says it serves.
/// </summary>
public static class ModelDigest
{
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static string Compute(string path)
    {
        if (File.Exists(path))
        {
            return HashFile(path).ToString();
        }

        var root = Path.GetFullPath(path);
        var entries = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(f => new ArtifactManifestEntry(Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'), new FileInfo(f).Length,
                HashFile(f)));
        return new ArtifactManifest(entries).ComputeDigest().ToString();
    }

    private static Digest HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Digest.FromHash(SHA256.HashData(stream));
    }
}
