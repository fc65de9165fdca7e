namespace RepoML.Storage;

/// <summary>Cache entries as <c>&lt;key&gt;.json</c> files in a folder, written atomically; the workspace's own index is one.</summary>
public sealed class FolderCacheEntries(string folder) : ICacheEntries
{
    /// <inheritdoc />
    public string Location { get; } = Path.GetFullPath(folder);

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        if (!Directory.Exists(Location))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(Location, "*.json").Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Path.GetFileNameWithoutExtension(file);
            if (Digest.IsValidHex(key))
            {
                yield return key; // anything else in the folder (notes.json, a stray copy) is not an entry, and not a reason to fail
            }
        }
    }

    /// <inheritdoc />
    public async Task<string?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : null;
    }

    /// <inheritdoc />
    public async Task<bool> TryAddAsync(string key, string json, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            return false;
        }

        Directory.CreateDirectory(Location);
        var temp = Path.Combine(Location, $".{key}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temp, json, cancellationToken);
        try
        {
            File.Move(temp, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return false;
        }
    }

    private string PathOf(string key) =>
        Digest.IsValidHex(key) ? Path.Combine(Location, key + ".json") : throw new ArgumentException($"'{key}' is not a sha256 cache key",
            nameof(key));
}
