using Azure.Storage.Blobs;

namespace RepoML.Tests.Shared.AzureMl;

/// <summary>The stand-in workspace's default datastore: a container in a real Azurite, addressed as Azure ML addresses it.</summary>
internal sealed class StandInDatastore(BlobContainerClient container)
{
    public const string Name = "workspaceblobstore";

    public BlobContainerClient Container { get; } = container;

    /// <summary>The path inside the container of an <c>azureml://datastores/…/paths/…</c> or https blob URI; null when it is elsewhere.</summary>
    public string? PathOf(string uri)
    {
        var prefix = $"azureml://datastores/{Name}/paths/";
        if (uri.StartsWith(prefix, StringComparison.Ordinal))
        {
            return uri[prefix.Length..];
        }

        var container = Container.Uri.AbsoluteUri.TrimEnd('/') + "/";
        return uri.StartsWith(container, StringComparison.Ordinal) ? uri[container.Length..] : null;
    }

    /// <summary>True when at least one blob is at <paramref name="path"/> or under it.</summary>
    public async Task<bool> ExistsAsync(string path)
    {
        await foreach (var _ in Container.GetBlobsAsync(global::Azure.Storage.Blobs.Models.BlobTraits.None, global::Azure.Storage.Blobs.Models.BlobStates.None, path, default))
        {
            return true;
        }

        return false;
    }

    public async Task<byte[]> ReadAsync(string path) => (await Container.GetBlobClient(path).DownloadContentAsync()).Value.Content.ToArray();

    public async Task WriteAsync(string path, byte[] content) => await Container.GetBlobClient(path).UploadAsync(new BinaryData(content), overwrite: true);
}
