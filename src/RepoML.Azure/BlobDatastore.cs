using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using RepoML.Core.Artifacts;

namespace RepoML.Azure;

/// <summary>
/// The workspace's default datastore in Azure Blob Storage (Azure.Storage.Blobs). It is found the way <c>az ml</c>
/// finds it: the datastore marked default, its account key or SAS from <c>listSecrets</c>, or the caller's own Azure
/// credential when the datastore keeps none (identity-based access).
/// </summary>
public sealed class BlobDatastore : AzureMlDatastore
{
    private const string ShaKey = "repoml_sha256";
    private readonly BlobContainerClient container;

    private BlobDatastore(string name, BlobContainerClient container)
        : base(name) => this.container = container;

    public override string BlobUri(string path) => $"{container.Uri.AbsoluteUri.TrimEnd('/')}/{path}";

    /// <param name="serviceUri">The blob service address, when not <c>https://ACCOUNT.blob.ENDPOINT</c> (private endpoints, Azurite).</param>
    public static async Task<BlobDatastore> ConnectAsync(
        AzureMlChannel channel, AzureMlWorkspace workspace, TokenCredential credential, Uri? serviceUri, CancellationToken cancellationToken)
    {
        var list = await channel.GetAsync($"{workspace.Id}/datastores?isDefault=true", cancellationToken).ConfigureAwait(false);
        var datastore = list?["value"]?.AsArray().FirstOrDefault() as JsonObject
            ?? throw new InvalidOperationException($"workspace {workspace.Name} has no default datastore");
        var name = datastore["name"]?.GetValue<string>() ?? "workspaceblobstore";
        var properties = datastore["properties"] as JsonObject ?? [];
        var type = properties["datastoreType"]?.GetValue<string>();
        if (type != "AzureBlob")
        {
            throw new InvalidOperationException($"the default datastore {name} is {type}; RepoML uploads to an Azure Blob datastore");
        }

        var account = properties["accountName"]?.GetValue<string>() ?? throw new InvalidOperationException($"datastore {name} names no storage account");
        var containerName = properties["containerName"]?.GetValue<string>() ?? throw new InvalidOperationException($"datastore {name} names no container");
        var protocol = properties["protocol"]?.GetValue<string>() ?? "https";
        var service = serviceUri ?? new Uri($"{protocol}://{account}.blob.{properties["endpoint"]?.GetValue<string>() ?? "core.windows.net"}");
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 3;
        var client = properties["credentials"]?["credentialsType"]?.GetValue<string>() switch
        {
            "AccountKey" => new BlobServiceClient(
                service, new StorageSharedKeyCredential(account, await SecretAsync(channel, workspace, name, "key", cancellationToken).ConfigureAwait(false)), options),
            "Sas" => new BlobServiceClient(
                service, new AzureSasCredential(await SecretAsync(channel, workspace, name, "sasToken", cancellationToken).ConfigureAwait(false)), options),
            _ => new BlobServiceClient(service, credential, options),
        };
        return new BlobDatastore(name, client.GetBlobContainerClient(containerName));
    }

    protected override async Task<IReadOnlyDictionary<string, string?>> ExistingAsync(string prefix, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            existing[blob.Name] = blob.Metadata.TryGetValue(ShaKey, out var sha) ? sha : null;
        }

        return existing;
    }

    protected override async Task PutAsync(string blob, Func<Task<Stream>> open, Digest digest, CancellationToken cancellationToken)
    {
        await using var content = await open().ConfigureAwait(false);
        var options = new BlobUploadOptions { Metadata = new Dictionary<string, string> { [ShaKey] = digest.Hex } };
        await container.GetBlobClient(blob).UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
    }

    protected override async IAsyncEnumerable<(string Blob, long Size)> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            yield return (blob.Name, blob.Properties.ContentLength ?? 0);
        }
    }

    protected override async Task<Stream> OpenAsync(string blob, CancellationToken cancellationToken)
    {
        try
        {
            return await container.GetBlobClient(blob).OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new FileNotFoundException($"the job output {AzureMlUri(blob)} does not exist", ex);
        }
    }

    private static async Task<string> SecretAsync(AzureMlChannel channel, AzureMlWorkspace workspace, string name, string field, CancellationToken cancellationToken)
    {
        var secrets = await channel.PostAsync($"{workspace.Datastore(name)}/listSecrets", null, cancellationToken).ConfigureAwait(false);
        return secrets?[field]?.GetValue<string>() ?? throw new InvalidOperationException($"datastore {name} gave no {field}");
    }
}
