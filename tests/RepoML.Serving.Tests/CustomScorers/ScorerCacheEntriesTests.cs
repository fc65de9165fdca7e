namespace RepoML.Serving.Tests.CustomScorers;

public sealed class ScorerCacheEntriesTests : IDisposable
{
    private readonly TempFolder folder = new("scorer-cache");

    private string cache => folder.Path;

    [Fact]
    public void Should_delete_only_the_oldest_builds_of_the_same_project_When_pruning()
    {
        // Given five builds of project A (oldest first), two of project B, one entry without a record, a build's staging folder
        // and one a killed build left two days ago
        var a = Enumerable.Range(0, 5).Select(i => Entry($"a{i}", "/code/A/A.csproj|linux-x64", minutesAgo: 50 - i)).ToList();
        var b = Enumerable.Range(0, 2).Select(i => Entry($"b{i}", "/code/B/B.csproj|linux-x64", minutesAgo: 100 - i)).ToList();
        var unrecorded = Entry("old", project: null, minutesAgo: 500);
        Entry("a9.tmp-123", "/code/A/A.csproj|linux-x64", minutesAgo: 600);
        Entry("a8.tmp-456", project: null, minutesAgo: 2 * 24 * 60);

        // When
        var deleted = ScorerCacheEntries.Prune(cache, "/code/A/A.csproj|linux-x64");

        // Then the three most recently used builds of A stay, the abandoned staging folder goes, and nothing else is touched
        Assert.Equal(["a0", "a1"], deleted.Order(StringComparer.Ordinal));
        Assert.Equal(["a2", "a3", "a4", "a9.tmp-123", "b0", "b1", "old"],
            Directory.GetDirectories(cache).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_keep_a_build_that_was_used_recently_When_newer_builds_of_its_project_exist()
    {
        // Given four builds, the oldest of which a server has just loaded again
        foreach (var i in Enumerable.Range(0, 4))
        {
            Entry($"a{i}", "/code/A/A.csproj|linux-x64", minutesAgo: 50 - i);
        }

        ScorerCacheEntries.Touch(Path.Combine(cache, "a0"));

        // When
        var deleted = ScorerCacheEntries.Prune(cache, "/code/A/A.csproj|linux-x64");

        // Then the least recently used one goes instead
        Assert.Equal(["a1"], deleted);
        Assert.True(Directory.Exists(Path.Combine(cache, "a0")));
    }

    public void Dispose() => folder.Dispose();

    private string Entry(string name, string? project, int minutesAgo)
    {
        var entry = Directory.CreateDirectory(Path.Combine(cache, name)).FullName;
        File.WriteAllText(Path.Combine(entry, "assembly.txt"), "bin/Scorer.dll");
        if (project is not null)
        {
            ScorerCacheEntries.Record(entry, project);
        }

        Directory.SetLastWriteTimeUtc(entry, DateTime.UtcNow.AddMinutes(-minutesAgo));
        return entry;
    }
}
