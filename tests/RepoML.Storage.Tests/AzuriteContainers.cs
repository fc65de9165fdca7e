using Azure.Storage.Blobs;

namespace RepoML.Storage.Tests;

/// <summary>Containers for the Azure Blob store tests in the shared Azurite.</summary>
internal static class AzuriteContainers
{
    /// <summary>A client for a new, empty container (created).</summary>
    public static BlobContainerClient NewContainer(this AzuriteFixture azurite)
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("t" + Guid.NewGuid().ToString("N")[..20]);
        container.Create();
        return container;
    }
}
