namespace RepoML.Storage.Tests;

/// <summary>A store whose <c>tmp/</c> was made a link to a folder elsewhere: cleaning up after killed writers deletes nothing there.</summary>
public sealed class LinkedTempFolderTests
{
    [Fact]
    public void Should_delete_nothing_through_the_link_When_the_stores_tmp_folder_is_a_link()
    {
        // Given a folder elsewhere with old, unlocked .tmp files, and a store whose tmp/ links to it
        using var folder = new TempFolder("linked-tmp");
        var elsewhere = Path.Combine(folder.Path, "work");
        Directory.CreateDirectory(elsewhere);
        var files = new[] { "draft.tmp", "build.tmp" }.Select(name => folder.Write($"work/{name}", "someone's work")).ToList();
        foreach (var file in files)
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-1));
        }

        var root = Path.Combine(folder.Path, "store");
        Directory.CreateDirectory(root);
        Directory.CreateSymbolicLink(Path.Combine(root, "tmp"), elsewhere);
        var store = new LocalFolderArtifactStore(root);

        // When the store cleans up, on open and by age
        var orphans = store.DeleteOrphanedTemporaryFiles();
        var stale = store.DeleteStaleTemporaryFiles(TimeSpan.Zero);

        // Then nothing was deleted
        Assert.Equal((0, 0L, 0), (orphans.Files, orphans.Bytes, stale));
        Assert.All(files, file => Assert.True(File.Exists(file), file));
    }
}
