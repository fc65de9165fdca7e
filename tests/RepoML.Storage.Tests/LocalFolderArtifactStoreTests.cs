namespace RepoML.Storage.Tests;

public sealed class LocalFolderArtifactStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly LocalFolderArtifactStore _store;

    public LocalFolderArtifactStoreTests() => _store = new LocalFolderArtifactStore(_temp["store"]);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Should_StoreUnderShardedSha256Name_When_FileIsPut()
    {
        // Given a file larger than one copy chunk
        var content = RandomNumberGenerator.GetBytes((3 * 1024 * 1024) + 17);
        var file = _temp.Write("in/model.onnx", content);

        // When
        var digest = await _store.PutFileAsync(file);

        // Then
        var hex = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.Equal("sha256:" + hex, digest.ToString());
        Assert.Equal(content, await File.ReadAllBytesAsync(_temp[$"store/objects/{hex[..2]}/{hex[2..]}"]));
        Assert.True(await _store.ExistsAsync(digest));
        Assert.Empty(Directory.GetFiles(_temp["store/tmp"]));
    }

    [Fact]
    public async Task Should_ReadBackTheSameBytes_When_StreamIsPutAndOpened()
    {
        // Given a non-seekable source
        var content = Encoding.UTF8.GetBytes("col_a,col_b\n1,2\n");
        using var source = new NonSeekableStream(content);

        // When
        var digest = await _store.PutStreamAsync(source);
        await using var read = await _store.OpenReadAsync(digest);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        // Then
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Should_StoreAnEmptyObject_When_FileIsEmpty()
    {
        // Given
        var file = _temp.Write("empty.txt", []);

        // When
        var digest = await _store.PutFileAsync(file);

        // Then
        Assert.Equal(Digest.Compute([]), digest);
        await _store.GetFileAsync(digest, _temp["out/empty.txt"]);
        Assert.Empty(await File.ReadAllBytesAsync(_temp["out/empty.txt"]));
    }

    [Fact]
    public async Task Should_NotRewriteTheObject_When_SameContentIsPutAgain()
    {
        // Given an object stored an hour ago
        var file = _temp.Write("a.csv", "x,y\n");
        var digest = await _store.PutFileAsync(file);
        var objectPath = _store.GetObjectPath(digest);
        var anHourAgo = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(objectPath, anHourAgo);

        // When the same content is put again, from another file
        var again = await _store.PutFileAsync(_temp.Write("copy.csv", "x,y\n"));

        // Then
        Assert.Equal(digest, again);
        Assert.Equal(anHourAgo, File.GetLastWriteTimeUtc(objectPath));
        Assert.Single(await ListAsync(_store));
        Assert.Empty(Directory.GetFiles(_temp["store/tmp"]));
    }

    [Fact]
    public async Task Should_ThrowCorruptNamingTheDigest_When_StoredObjectWasEditedByHand()
    {
        // Given a stored object whose bytes were changed on disk
        var digest = await _store.PutFileAsync(_temp.Write("metrics.json", "{\"auc\":0.91}"));
        await File.WriteAllTextAsync(_store.GetObjectPath(digest), "{\"auc\":0.99}");

        // When it is read to the end
        await using var read = await _store.OpenReadAsync(digest);
        var error = await Assert.ThrowsAsync<ArtifactCorruptException>(() => read.CopyToAsync(Stream.Null));

        // Then the error names the digest, and the bad object is out of the way
        Assert.Equal(digest, error.Expected);
        Assert.Contains(digest.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
        Assert.False(await _store.ExistsAsync(digest));
        Assert.Single(Directory.GetFiles(_temp["store/corrupt"]));
    }

    [Fact]
    public async Task Should_RepairTheStore_When_CorruptObjectIsPutAgain()
    {
        // Given a corrupt object that a read has detected
        var source = _temp.Write("model.bin", "weights");
        var digest = await _store.PutFileAsync(source);
        await File.WriteAllTextAsync(_store.GetObjectPath(digest), "garbage");
        await Assert.ThrowsAsync<ArtifactCorruptException>(() => _store.GetFileAsync(digest, _temp["out/model.bin"]));

        // When the content is put again
        await _store.PutFileAsync(source);

        // Then it reads back verified
        await _store.GetFileAsync(digest, _temp["out/model.bin"]);
        Assert.Equal("weights", await File.ReadAllTextAsync(_temp["out/model.bin"]));
    }

    [Fact]
    public async Task Should_LeaveTheDestinationUntouched_When_GettingACorruptObject()
    {
        // Given a destination file that already exists, and a corrupt object
        var destination = _temp.Write("out/model.bin", "previous");
        var digest = await _store.PutFileAsync(_temp.Write("model.bin", "weights"));
        await File.WriteAllTextAsync(_store.GetObjectPath(digest), "weightz");

        // When
        await Assert.ThrowsAsync<ArtifactCorruptException>(() => _store.GetFileAsync(digest, destination));

        // Then no partial or wrong file replaced it, and no temp file is left beside it
        Assert.Equal("previous", await File.ReadAllTextAsync(destination));
        Assert.Single(Directory.GetFiles(_temp["out"]));
    }

    [Fact]
    public async Task Should_ThrowNotFound_When_DigestIsNotStored()
    {
        // Given
        var digest = Digest.Compute("never stored"u8);

        // When
        var error = await Assert.ThrowsAsync<ArtifactNotFoundException>(() => _store.OpenReadAsync(digest));

        // Then
        Assert.Contains(digest.ToString(), error.Message, StringComparison.Ordinal);
        Assert.False(await _store.ExistsAsync(digest));
    }

    [Fact]
    public async Task Should_ListOnlyObjects_When_StoreHoldsStrayFiles()
    {
        // Given two objects and files that are not objects
        var first = await _store.PutFileAsync(_temp.Write("1.txt", "one"));
        var second = await _store.PutFileAsync(_temp.Write("2.txt", "two"));
        _temp.Write("store/objects/zz/not-an-object", "x");
        _temp.Write("store/tmp/abandoned.tmp", "x");

        // When
        var listed = await ListAsync(_store);

        // Then
        Assert.Equal(new[] { first, second }.OrderBy(d => d.Hex), listed.OrderBy(d => d.Hex));
    }

    [Fact]
    public async Task Should_DeleteOnlyOldTempFiles_When_CleaningUpAfterKilledWriters()
    {
        // Given a temp file two hours old and one just written
        var now = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var store = new LocalFolderArtifactStore(_temp["store"], time: new FixedTimeProvider(now));
        var old = _temp.Write("store/tmp/old.tmp", "x");
        var fresh = _temp.Write("store/tmp/fresh.tmp", "x");
        File.SetLastWriteTimeUtc(old, now.UtcDateTime.AddHours(-2));
        File.SetLastWriteTimeUtc(fresh, now.UtcDateTime.AddMinutes(-1));

        // When
        var deleted = store.DeleteStaleTemporaryFiles(TimeSpan.FromHours(1));

        // Then
        Assert.Equal(1, deleted);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(fresh));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Should_KeepOneObject_When_ManyWritersPutTheSameContentAtOnce()
    {
        // Given
        var content = RandomNumberGenerator.GetBytes(2 * 1024 * 1024);

        // When eight writers race
        var digests = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _store.PutStreamAsync(new MemoryStream(content)))));

        // Then
        Assert.Single(digests.Distinct());
        Assert.Single(await ListAsync(_store));
        Assert.Empty(Directory.GetFiles(_temp["store/tmp"]));
        await using var read = await _store.OpenReadAsync(digests[0]);
        await read.CopyToAsync(Stream.Null);
    }

    internal static async Task<List<Digest>> ListAsync(IArtifactStore store)
    {
        var all = new List<Digest>();
        await foreach (var digest in store.ListAsync())
        {
            all.Add(digest);
        }

        return all;
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
