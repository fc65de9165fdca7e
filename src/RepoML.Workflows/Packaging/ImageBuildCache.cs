namespace RepoML.Workflows.Packaging;

/// <summary>The image a deployment's last build made, as recorded beside its build context.</summary>
public sealed record ImageBuildRecord(string Key, string LocalImage, string ImageId, string Archive, string ArchiveDigest,
    string ArchiveSha256, long ImageBytes);

/// <summary>
/// Reuses a deployment's image when nothing that goes into it changed: the key is the digest of the whole build context
/// (Dockerfile, server, model, endpoint files, lineage), the base image's id in local storage, the tag and the image
/// time. Reuse also needs the image still in local storage under the recorded id and the archive still holding the
/// recorded bytes (its sha256 is checked), so an edited, removed or rebuilt image is never passed off as this one.
/// </summary>
public static class ImageBuildCache
{
    private const string RecordFile = "image-build.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The key of a build, or null when the base image is not in local storage (its content is then unknown).</summary>
    public static async Task<string?> KeyAsync(BuildahImageBuilder builder, string contextFolder, string baseImage, string localImage,
        DateTimeOffset created, CancellationToken cancel)
    {
        if (await builder.IdAsync(baseImage, cancel) is not { } baseId)
        {
            return null;
        }

        var salt = string.Join('\n', "repoml-image-build/1", baseImage, baseId, localImage,
            created.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return ScorerFolderDigest.Compute(contextFolder, salt);
    }

    /// <summary>The recorded build when it can stand for a build with <paramref name="key"/> into <paramref name="archive"/>.</summary>
    public static async Task<ImageBuildRecord?> ReusableAsync(BuildahImageBuilder builder, string outputFolder, string key, string archive,
        CancellationToken cancel)
    {
        var path = Path.Combine(outputFolder, RecordFile);
        ImageBuildRecord? record;
        try
        {
            record = File.Exists(path) ? JsonSerializer.Deserialize<ImageBuildRecord>(File.ReadAllText(path), Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }

        if (record is null || record.Key != key || record.Archive != archive || !File.Exists(archive)
            || await builder.IdAsync(record.LocalImage, cancel) != record.ImageId)
        {
            return null;
        }

        return await Sha256Async(archive, cancel) == record.ArchiveSha256 ? record : null;
    }

    public static void Save(string outputFolder, ImageBuildRecord record) =>
        Disk.AtomicText.Write(Path.Combine(outputFolder, RecordFile), JsonSerializer.Serialize(record, Json));

    public static async Task<string> Sha256Async(string file, CancellationToken cancel)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream, cancel));
    }
}
