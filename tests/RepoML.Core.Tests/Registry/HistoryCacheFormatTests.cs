namespace RepoML.Core.Tests.Registry;

public sealed class HistoryCacheFormatTests
{
    private static HistoryCache Sample()
    {
        var history = new FakeHistory()
            .Register("alice", FakeHistory.Record("credit", "a"))
            .Commit("bob\tthe builder", ("endpoints/credit/blue.yml", "model: azureml:credit:1\n"), ("registry/models/credit/labels/prod", "x\n"))
            .Commit("carol", ("endpoints/credit/blue.yml", null));
        var commits = history.Commits.Select(c => c with { Commit = c.Commit with { Message =
            "Line one\n\nwith\\back slash\r\nand\ttab" } }).ToList();
        return new HistoryCache(commits[^1].Commit.Sha, ["registry", "endpoints"], commits);
    }

    [Fact]
    public void Should_read_back_every_commit_and_change_When_written()
    {
        // Given
        var cache = Sample();

        // When
        var read = HistoryCacheFormat.Read(HistoryCacheFormat.Write(cache));

        // Then: escaped names and messages, deletions (no blob) and positions survive.
        Assert.NotNull(read);
        Assert.Equal(cache.Tip, read.Tip);
        Assert.Equal(cache.Prefixes, read.Prefixes);
        Assert.Equal(cache.Commits.Select(c => c with { Changes = [] }), read.Commits.Select(c => c with { Changes = [] }));
        Assert.Equal(cache.Commits.SelectMany(c => c.Changes), read.Commits.SelectMany(c => c.Changes));
        Assert.Equal("bob\tthe builder", read.Commits[1].Commit.AuthorName);
    }

    [Theory]
    [InlineData("Register", "Registor")]
    [InlineData("endpoints/credit/blue.yml", "endpoints/credit/red.yml")]
    [InlineData("\nsha256 ", "\nsha257 ")]
    public void Should_refuse_the_file_When_any_byte_was_changed(string from, string to)
    {
        // Given
        var text = HistoryCacheFormat.Write(Sample() with { Commits = [.. Sample().Commits.Select(c
            => c with { Commit = c.Commit with { Message = "Register" } })] });
        Assert.Contains(from, text, StringComparison.Ordinal);

        // When
        var read = HistoryCacheFormat.Read(text.Replace(from, to, StringComparison.Ordinal));

        // Then
        Assert.Null(read);
    }

    [Fact]
    public void Should_refuse_the_file_When_it_was_cut_short()
    {
        var text = HistoryCacheFormat.Write(Sample());

        Assert.Null(HistoryCacheFormat.Read(text[..(text.Length / 2)]));
        Assert.Null(HistoryCacheFormat.Read(""));
    }

    [Fact]
    public void Should_continue_the_numbering_When_commits_are_appended()
    {
        // Given: a cache of three commits, and two later commits numbered from 1 by the history reader.
        var cache = Sample();
        var later = new FakeHistory().Register("dave", FakeHistory.Record("credit", "b")).Register("erin", FakeHistory.Record("credit", "c")).Commits;

        // When
        var appended = cache.Append("f00d", later);

        // Then
        Assert.Equal("f00d", appended.Tip);
        Assert.Equal([1, 2, 3, 4, 5], appended.Commits.Select(c => c.Position));
        Assert.Equal(["dave", "erin"], appended.Commits.Skip(3).Select(c => c.Commit.AuthorName));
    }
}
