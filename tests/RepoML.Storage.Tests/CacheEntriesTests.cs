namespace RepoML.Storage.Tests;

/// <summary>The step-cache index on a folder and on a real Azurite: write once, first writer wins.</summary>
public sealed class CacheEntriesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly string Key = new('a', 64);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Should_keep_first_entry_When_two_writers_add_the_same_key_to_a_folder()
    {
        await AssertWriteOnceAsync(new FolderCacheEntries(_temp["cache"]));
    }

    [AzuriteFact]
    public async Task Should_keep_first_entry_When_two_writers_add_the_same_key_to_blob_storage()
    {
        await AssertWriteOnceAsync(new BlobCacheEntries(azurite.NewContainer(), "team"));
    }

    [Fact]
    public async Task Should_refuse_keys_When_they_are_not_sha256_hex()
    {
        var entries = new FolderCacheEntries(_temp["cache"]);

        await Assert.ThrowsAsync<ArgumentException>(() => entries.TryAddAsync("../escape", "{}"));
    }

    private static async Task AssertWriteOnceAsync(ICacheEntries entries)
    {
        // Given an empty index
        Assert.Null(await entries.ReadAsync(Key));

        // When two writers add the same key
        var first = await entries.TryAddAsync(Key, "{\"run_id\":\"one\"}");
        var second = await entries.TryAddAsync(Key, "{\"run_id\":\"two\"}");

        // Then the first entry stays and is listed once
        Assert.True(first);
        Assert.False(second);
        Assert.Equal("{\"run_id\":\"one\"}", await entries.ReadAsync(Key));
        var listed = new List<string>();
        await foreach (var key in entries.ListAsync())
        {
            listed.Add(key);
        }

        Assert.Equal([Key], listed);
    }
}
