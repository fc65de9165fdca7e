namespace RepoML.Workflows.Pipelines;

/// <summary>
/// What earlier runs produced, by cache key (<c>.repoml/cache/keys/</c>), and the last key parts of each job of
/// each pipeline (<c>.repoml/cache/jobs/</c>) so a re-run can say what changed.
/// </summary>
public sealed class CacheIndex(string folder)
{
    public CacheEntry? Find(string key) => Read<CacheEntry>(KeyPath(key));

    public void Save(string key, CacheEntry entry) => AtomicText.Write(KeyPath(key), JsonSerializer.Serialize(entry, RunRecordJson.Options));

    public CacheKey? LastKey(string pipeline, string job) => Read<CacheKey>(JobPath(pipeline, job));

    public void SaveLastKey(string pipeline, string job, CacheKey key) => AtomicText.Write(JobPath(pipeline, job), JsonSerializer.Serialize(key,
        RunRecordJson.Options));

    private string KeyPath(string key) => Path.Combine(folder, "keys", key.Replace("sha256:", "", StringComparison.Ordinal) + ".json");

    private string JobPath(string pipeline, string job) =>
        Path.Combine(folder, "jobs",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(pipeline)))[..16], job
            + ".json");

    private static T? Read<T>(string path)
        where T : class
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), RunRecordJson.Options) : null;
        }
        catch (JsonException)
        {
            return null; // a damaged entry is a cache miss, never a failure
        }
    }
}
