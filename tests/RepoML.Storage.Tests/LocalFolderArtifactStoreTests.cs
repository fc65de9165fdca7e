namespace RepoML.Storage.Tests;

public sealed class LocalFolderArtifactStoreTests : LocalStoreTests
{
    [Fact]
    public async Task Should_StoreUnderShardedSha256Name_When_FileIsPut()
    {
        // Given a file larger than one copy chunk
        var content = RandomNumberGenerator.GetBytes((3 * 1024 * 1024) + 17);
        var file = Temp.Write("in/model.onnx", content);

        // When
        var digest = await Store.PutFileAsync(file);

        // Then
        var hex = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.Equal("sha256:" + hex, digest.ToString());
        Assert.Equal(content, await File.ReadAllBytesAsync(Temp[$"store/objects/{hex[..2]}/{hex[2..]}"]));
        Assert.True(await Store.ExistsAsync(digest));
        Assert.Empty(Directory.GetFiles(Temp["store/tmp"]));
    }

    [Fact]
    public async Task Should_ReadBackTheSameBytes_When_StreamIsPutAndOpened()
    {
        // Given a non-seekable source
        var content = Encoding.UTF8.GetBytes("col_a,col_b\n1,2\n");
        using var source = new NonSeekableStream(content);

        // When
        var digest = await Store.PutStreamAsync(source);
        await using var read = await Store.OpenReadAsync(digest);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        // Then
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Should_StoreAnEmptyObject_When_FileIsEmpty()
    {
        // Given
        var file = Temp.Write("empty.txt", []);

        // When
        var digest = await Store.PutFileAsync(file);

        // Then
        Assert.Equal(Digest.Compute([]), digest);
        await Store.GetFileAsync(digest, Temp["out/empty.txt"]);
        Assert.Empty(await File.ReadAllBytesAsync(Temp["out/empty.txt"]));
    }

    [Fact]
    public async Task Should_NotRewriteTheObject_When_SameContentIsPutAgain()
    {
        // Given an object stored an hour ago
        var file = Temp.Write("a.csv", "x,y\n");
        var digest = await Store.PutFileAsync(file);
        var objectPath = Store.GetObjectPath(digest);
        var anHourAgo = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(objectPath, anHourAgo);

        // When the same content is put again, from another file
        var again = await Store.PutFileAsync(Temp.Write("copy.csv", "x,y\n"));

        // Then
        Assert.Equal(digest, again);
        Assert.Equal(anHourAgo, File.GetLastWriteTimeUtc(objectPath));
        Assert.Single(await ListAsync(Store));
        Assert.Empty(Directory.GetFiles(Temp["store/tmp"]));
    }

    [Fact]
    public async Task Should_ThrowCorruptNamingTheDigest_When_StoredObjectWasEditedByHand()
    {
        // Given a stored object whose bytes were changed on disk
        var digest = await Store.PutFileAsync(Temp.Write("metrics.json", "{\"auc\":0.91}"));
        await File.WriteAllTextAsync(Store.GetObjectPath(digest), "{\"auc\":0.99}");

        // When it is read to the end
        await using var read = await Store.OpenReadAsync(digest);
        var error = await Assert.ThrowsAsync<ArtifactCorruptException>(() => read.CopyToAsync(Stream.Null));

        // Then the error names the digest, and the bad object is out of the way
        Assert.Equal(digest, error.Expected);
        Assert.Contains(digest.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
        Assert.False(await Store.ExistsAsync(digest));
        Assert.Single(Directory.GetFiles(Temp["store/corrupt"]));
    }

    [Fact]
    public async Task Should_RepairTheStore_When_CorruptObjectIsPutAgain()
    {
        // Given a corrupt object that a read has detected
        var source = Temp.Write("model.bin", "weights");
        var digest = await Store.PutFileAsync(source);
        await File.WriteAllTextAsync(Store.GetObjectPath(digest), "garbage");
        await Assert.ThrowsAsync<ArtifactCorruptException>(() => Store.GetFileAsync(digest, Temp["out/model.bin"]));

        // When the content is put again
        await Store.PutFileAsync(source);

        // Then it reads back verified
        await Store.GetFileAsync(digest, Temp["out/model.bin"]);
        Assert.Equal("weights", await File.ReadAllTextAsync(Temp["out/model.bin"]));
    }

    [Fact]
    public async Task Should_LeaveTheDestinationUntouched_When_GettingACorruptObject()
    {
        // Given a destination file that already exists, and a corrupt object
        var destination = Temp.Write("out/model.bin", "previous");
        var digest = await Store.PutFileAsync(Temp.Write("model.bin", "weights"));
        await File.WriteAllTextAsync(Store.GetObjectPath(digest), "weightz");

        // When
        await Assert.ThrowsAsync<ArtifactCorruptException>(() => Store.GetFileAsync(digest, destination));

        // Then no partial or wrong file replaced it, and no temp file is left beside it
        Assert.Equal("previous", await File.ReadAllTextAsync(destination));
        Assert.Single(Directory.GetFiles(Temp["out"]));
    }

    [Fact]
    public async Task Should_ThrowNotFound_When_DigestIsNotStored()
    {
        // Given
        var digest = Digest.Compute("never stored"u8);

        // When
        var error = await Assert.ThrowsAsync<ArtifactNotFoundException>(() => Store.OpenReadAsync(digest));

        // Then
        Assert.Contains(digest.ToString(), error.Message, StringComparison.Ordinal);
        Assert.False(await Store.ExistsAsync(digest));
    }

    [Fact]
    public async Task Should_ListOnlyObjects_When_StoreHoldsStrayFiles()
    {
        // Given two objects and files that are not objects
        var first = await Store.PutFileAsync(Temp.Write("1.txt", "one"));
        var second = await Store.PutFileAsync(Temp.Write("2.txt", "two"));
        Temp.Write("store/objects/zz/not-an-object", "x");
        Temp.Write("store/tmp/abandoned.tmp", "x");

        // When
        var listed = await ListAsync(Store);

        // Then
        Assert.Equal(new[] { first, second }.OrderBy(d => d.Hex), listed.OrderBy(d => d.Hex));
    }

    [Fact]
    public async Task Should_DeleteOnlyOldTempFiles_When_CleaningUpAfterKilledWriters()
    {
        // Given a temp file two hours old and one just written
        var now = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var store = new LocalFolderArtifactStore(Temp["store"], time: new FixedTimeProvider(now));
        var old = Temp.Write("store/tmp/old.tmp", "x");
        var fresh = Temp.Write("store/tmp/fresh.tmp", "x");
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
        var digests = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.PutStreamAsync(new MemoryStream(content)))));

        // Then
        Assert.Single(digests.Distinct());
        Assert.Single(await ListAsync(Store));
        Assert.Empty(Directory.GetFiles(Temp["store/tmp"]));
        await using var read = await Store.OpenReadAsync(digests[0]);
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
