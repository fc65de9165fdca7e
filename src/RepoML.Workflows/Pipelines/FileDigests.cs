using System.Security.Cryptography;

namespace RepoML.Workflows.Pipelines;

/// <summary>
/// Content digests of files and folders, remembered by (path, size, modification time) in
/// <c>.repoml/cache/file-digests.json</c> so an unchanged input is not hashed again on the next run.
/// A folder's digest is the digest of its manifest, the same the artifact store gives it.
/// </summary>
public sealed class FileDigests(string cacheFile)
{
    private readonly ConcurrentDictionary<string, Entry> entries = Load(cacheFile);

    public Digest OfFile(string path)
    {
        var info = new FileInfo(path);
        var full = info.FullName;
        if (entries.TryGetValue(full, out var known) && known.Size == info.Length && known.Ticks == info.LastWriteTimeUtc.Ticks)
        {
            return Digest.Parse(known.Digest);
        }

        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var digest = Digest.FromHash(SHA256.HashData(stream));
        entries[full] = new Entry(info.Length, info.LastWriteTimeUtc.Ticks, digest.ToString());
        return digest;
    }

    public Digest OfFolder(string folder) => ManifestOf(folder).ComputeDigest();

    public ArtifactManifest ManifestOf(string folder)
    {
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => new ArtifactManifestEntry(Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'),
                    new FileInfo(f).Length, OfFile(f)))
            : [];
        return new ArtifactManifest(files);
    }

    public Digest OfPath(string path) => File.Exists(path) ? OfFile(path) : OfFolder(path);

    public void Save() => AtomicText.Write(cacheFile, JsonSerializer.Serialize(entries.ToDictionary(p => p.Key, p => p.Value)));

    private static ConcurrentDictionary<string, Entry> Load(string file)
    {
        try
        {
            return File.Exists(file)
                ? new ConcurrentDictionary<string, Entry>(JsonSerializer.Deserialize<Dictionary<string, Entry>>(File.ReadAllText(file)) ?? [])
                : new ConcurrentDictionary<string, Entry>();
        }
        catch (JsonException)
        {
            return new ConcurrentDictionary<string, Entry>(); // a damaged cache only costs re-hashing
        }
    }

    private sealed record Entry(long Size, long Ticks, string Digest);
}
