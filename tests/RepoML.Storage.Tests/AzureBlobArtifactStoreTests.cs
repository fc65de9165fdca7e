using Azure.Storage.Blobs;

namespace RepoML.Storage.Tests;

/// <summary>The Azure Blob store against a real Azurite (skipped where Azurite is not installed).</summary>
public sealed class AzureBlobArtifactStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [AzuriteFact]
    public async Task Should_ReadBackVerifiedBytes_When_FileIsPut()
    {
        // Given a store in a container that does not exist yet, and a file bigger than one upload block
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("fresh" + Guid.NewGuid().ToString("N")[..10]);
        var store = new AzureBlobArtifactStore(container, "team", _temp["spool"]);
        var content = RandomNumberGenerator.GetBytes((17 * 1024 * 1024) + 3);
        var file = _temp.Write("model.onnx", content);

        // When
        var digest = await store.PutFileAsync(file);
        await store.GetFileAsync(digest, _temp["out/model.onnx"]);

        // Then
        Assert.Equal(Digest.Compute(content), digest);
        Assert.True(await container.GetBlobClient("team/" + $"objects/{digest.Hex[..2]}/{digest.Hex[2..]}").ExistsAsync());
        Assert.Equal(content, await File.ReadAllBytesAsync(_temp["out/model.onnx"]));
        Assert.Equal([digest], await LocalFolderArtifactStoreTests.ListAsync(store));
        Assert.Empty(Directory.GetFiles(_temp["spool"]));
    }

    [AzuriteFact]
    public async Task Should_NotRewriteTheBlob_When_SameContentIsPutAgain()
    {
        // Given
        var container = azurite.NewContainer();
        var store = new AzureBlobArtifactStore(container);
        var digest = await store.PutStreamAsync(new MemoryStream("metrics"u8.ToArray()));
        var blob = container.GetBlobClient(store.GetBlobName(digest));
        var etag = (await blob.GetPropertiesAsync()).Value.ETag;

        // When
        var again = await store.PutStreamAsync(new MemoryStream("metrics"u8.ToArray()));

        // Then
        Assert.Equal(digest, again);
        Assert.Equal(etag, (await blob.GetPropertiesAsync()).Value.ETag);
    }

    [AzuriteFact]
    public async Task Should_SucceedForEveryWriter_When_WritersRaceOnTheSameObject()
    {
        // Given
        var container = azurite.NewContainer();
        var content = RandomNumberGenerator.GetBytes(9 * 1024 * 1024);

        // When six stores (as six CI jobs would) put the same content at once
        var digests = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            new AzureBlobArtifactStore(container, spoolFolder: _temp["spool"]).PutStreamAsync(new MemoryStream(content))));

        // Then
        Assert.Single(digests.Distinct());
        var store = new AzureBlobArtifactStore(container);
        await using var read = await store.OpenReadAsync(digests[0]);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [AzuriteFact]
    public async Task Should_ThrowCorrupt_When_BlobContentWasReplaced()
    {
        // Given a blob overwritten behind the store's back
        var container = azurite.NewContainer();
        var store = new AzureBlobArtifactStore(container);
        var digest = await store.PutStreamAsync(new MemoryStream("good"u8.ToArray()));
        await container.GetBlobClient(store.GetBlobName(digest)).UploadAsync(BinaryData.FromString("evil"), overwrite: true);

        // When
        var onRead = await Assert.ThrowsAsync<ArtifactCorruptException>(async () =>
        {
            await using var read = await store.OpenReadAsync(digest);
            await read.CopyToAsync(Stream.Null);
        });
        var onGet = await Assert.ThrowsAsync<ArtifactCorruptException>(() => store.GetFileAsync(digest, _temp["out/file"]));

        // Then
        Assert.Contains(digest.ToString(), onRead.Message, StringComparison.Ordinal);
        Assert.Equal(digest, onGet.Expected);
        Assert.False(File.Exists(_temp["out/file"]));
    }

    [AzuriteFact]
    public async Task Should_ThrowNotFound_When_BlobIsMissing()
    {
        // Given
        var store = new AzureBlobArtifactStore(azurite.NewContainer());
        var digest = Digest.Compute("absent"u8);

        // When
        var error = await Assert.ThrowsAsync<ArtifactNotFoundException>(() => store.OpenReadAsync(digest));

        // Then
        Assert.Equal(digest, error.Digest);
        Assert.False(await store.ExistsAsync(digest));
    }

    [AzuriteFact]
    public async Task Should_PushMissingAndPullBack_When_SyncingWithALocalStore()
    {
        // Given a laptop store with a folder, and a team store made by the factory from an address
        var containerName = azurite.NewContainer().Name;
        var remote = ArtifactStoreFactory.Create(
            $"azureblob://devstoreaccount1/{containerName}/cache", _temp.Path,
            name => name == ArtifactStoreFactory.ConnectionStringVariable ? azurite.ConnectionString : null);
        var laptop = new LocalFolderArtifactStore(_temp["laptop"]);
        _temp.Write("model/model.onnx", "onnx");
        _temp.Write("model/metrics.json", "{\"auc\":0.9}");
        var folder = await laptop.PutFolderAsync(_temp["model"]);

        // When the laptop pushes twice, and a fresh CI store pulls the folder
        var firstPush = await StoreSync.CopyMissingAsync(laptop, remote, [folder]);
        var secondPush = await StoreSync.CopyMissingAsync(laptop, remote, [folder]);
        var ci = new LocalFolderArtifactStore(_temp["ci"]);
        var pull = await StoreSync.CopyMissingAsync(remote, ci);

        // Then
        Assert.Equal(3, firstPush.Copied.Count);
        Assert.Empty(secondPush.Copied);
        Assert.Equal(3, secondPush.AlreadyPresent);
        Assert.Equal(3, pull.Copied.Count);
        await ci.RestoreFolderAsync(folder, _temp["restored"]);
        Assert.Equal("onnx", await File.ReadAllTextAsync(_temp["restored/model.onnx"]));
    }
}
