using Azure.Storage.Blobs.Models;

namespace RepoML.Storage;

/// <summary>Cache entries as blobs <c>[prefix/]cache/&lt;key&gt;.json</c>, created with If-None-Match: * so racing writers agree.</summary>
public sealed class BlobCacheEntries(BlobContainerClient container, string? prefix = null) : ICacheEntries
{
    private readonly string folder = string.IsNullOrEmpty(prefix) ? "cache/" : prefix.TrimEnd('/') + "/cache/";

    /// <inheritdoc />
    public string Location => $"{container.Uri}/{folder}";

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!await container.ExistsAsync(cancellationToken))
        {
            yield break;
        }

        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, folder, cancellationToken))
        {
            var name = blob.Name[folder.Length..];
            var key = name.EndsWith(".json", StringComparison.Ordinal) ? name[..^5] : "";
            if (Digest.IsValidHex(key))
            {
                yield return key; // only entries: any other blob under the prefix is not one
            }
        }
    }

    /// <inheritdoc />
    public async Task<string?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await container.GetBlobClient(folder + key + ".json").DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<bool> TryAddAsync(string key, string json, CancellationToken cancellationToken = default)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            await container.GetBlobClient(folder + key + ".json").UploadAsync(
                BinaryData.FromString(json),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }
}
