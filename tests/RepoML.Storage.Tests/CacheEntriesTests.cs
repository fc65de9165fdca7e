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

    [Fact]
    public async Task Should_list_only_entries_When_the_folder_holds_other_json_files()
    {
        // Given an entry, and files someone else left in the (possibly shared) cache folder
        var entries = new FolderCacheEntries(_temp["cache"]);
        Assert.True(await entries.TryAddAsync(Key, "{}"));
        File.WriteAllText(Path.Combine(_temp["cache"], "notes.json"), "{}");
        File.WriteAllText(Path.Combine(_temp["cache"], new string('A', 64) + ".json"), "{}");

        // When they are listed (as store push and pull do)
        var listed = new List<string>();
        await foreach (var key in entries.ListAsync())
        {
            listed.Add(key);
        }

        // Then only the entry is, and none of the others fails the listing
        Assert.Equal([Key], listed);
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
