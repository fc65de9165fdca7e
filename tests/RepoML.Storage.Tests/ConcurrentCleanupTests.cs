namespace RepoML.Storage.Tests;

/// <summary>
/// A store opening in another process removes the temp files of killed writers; a live put's temp file must never be
/// one of them, from its creation until it is renamed into place (the race registrations in parallel ran into).
/// </summary>
public sealed class ConcurrentCleanupTests : LocalStoreTests
{
    [Fact]
    public async Task Should_commit_every_put_When_another_store_cleans_its_temp_files_meanwhile()
    {
        // Given one store putting objects while another over the same folder cleans temp files in a tight loop
        var writer = Store;
        var cleaner = new LocalFolderArtifactStore(Temp["store"]);
        using var stop = new CancellationTokenSource();
        var cleaning = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                cleaner.DeleteOrphanedTemporaryFiles();
            }
        });

        // When 400 small objects are put
        var digests = new List<Digest>();
        for (var i = 0; i < 400; i++)
        {
            digests.Add(await writer.PutStreamAsync(new MemoryStream(Encoding.UTF8.GetBytes($"object {i}"))));
        }

        await stop.CancelAsync();
        await cleaning;

        // Then every put committed (before the fix, a temp file taken between close and rename failed its put)
        foreach (var digest in digests)
        {
            Assert.True(await writer.ExistsAsync(digest), digest.ToString());
        }
    }
}
