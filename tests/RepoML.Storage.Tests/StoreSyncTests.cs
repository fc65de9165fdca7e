namespace RepoML.Storage.Tests;

public sealed class StoreSyncTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly LocalFolderArtifactStore _local;
    private readonly LocalFolderArtifactStore _shared;

    public StoreSyncTests()
    {
        _local = new LocalFolderArtifactStore(_temp["local"]);
        _shared = new LocalFolderArtifactStore(_temp["shared"]);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Should_PushOnlyMissingObjects_When_TargetHasSomeAlready()
    {
        // Given local has x, y, z and the shared store already has y
        var x = await _local.PutFileAsync(_temp.Write("x", "x"));
        var y = await _local.PutFileAsync(_temp.Write("y", "y"));
        var z = await _local.PutFileAsync(_temp.Write("z", "z"));
        await _shared.PutFileAsync(_temp["y"]);
        var target = new CountingStore(_shared);

        // When
        var result = await StoreSync.CopyMissingAsync(_local, target);

        // Then
        Assert.Equal(new[] { x, z }.OrderBy(d => d.Hex), result.Copied.OrderBy(d => d.Hex));
        Assert.Equal(new[] { x, z }.OrderBy(d => d.Hex), target.Written.OrderBy(d => d.Hex));
        Assert.Equal(1, result.AlreadyPresent);
        Assert.True(await _shared.ExistsAsync(y));
    }

    [Fact]
    public async Task Should_CopyNothing_When_StoresAreAlreadyInSync()
    {
        // Given
        await _local.PutFileAsync(_temp.Write("a", "a"));
        await StoreSync.CopyMissingAsync(_local, _shared);
        var target = new CountingStore(_shared);

        // When
        var result = await StoreSync.CopyMissingAsync(_local, target);

        // Then
        Assert.Empty(result.Copied);
        Assert.Empty(target.Written);
        Assert.Equal(1, result.AlreadyPresent);
    }

    [Fact]
    public async Task Should_PullAFolderWithItsFilesFirst_When_SyncingAManifestRoot()
    {
        // Given the shared store holds a folder; local already has one of its files
        _temp.Write("model/model.onnx", "onnx");
        _temp.Write("model/metrics.json", "{}");
        var folder = await _shared.PutFolderAsync(_temp["model"]);
        var onnx = await _local.PutFileAsync(_temp["model/model.onnx"]);
        var target = new CountingStore(_local);

        // When pulling just the folder's digest
        var result = await StoreSync.CopyMissingAsync(_shared, target, [folder]);

        // Then the missing file came before the manifest, and the folder restores from local alone
        Assert.Equal([Digest.Compute("{}"u8), folder], target.Written);
        Assert.Equal(1, result.AlreadyPresent);
        Assert.DoesNotContain(onnx, target.Written);
        await _local.RestoreFolderAsync(folder, _temp["restored"]);
        Assert.Equal("onnx", await File.ReadAllTextAsync(_temp["restored/model.onnx"]));
    }

    [Fact]
    public async Task Should_FailWithoutCopying_When_SourceObjectIsCorrupt()
    {
        // Given
        var digest = await _local.PutFileAsync(_temp.Write("a", "a"));
        await File.WriteAllTextAsync(_local.GetObjectPath(digest), "b");

        // When
        await Assert.ThrowsAsync<ArtifactCorruptException>(() => StoreSync.CopyMissingAsync(_local, _shared));

        // Then
        Assert.Empty(await LocalFolderArtifactStoreTests.ListAsync(_shared));
    }
}
