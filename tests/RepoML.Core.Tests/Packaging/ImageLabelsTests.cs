namespace RepoML.Core.Tests.Packaging;

public sealed class ImageLabelsTests
{
    [Fact]
    public void Should_carry_code_model_environment_and_tool_lineage_When_created()
    {
        var labels = ImageLabels.Create(PackagingSamples.Lineage()).ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal("4672ea5f0d1c2b3a4e5f60718293a4b5c6d7e8f9", labels["org.opencontainers.image.revision"]);
        Assert.Equal("https://github.com/example/repoml.git", labels["org.opencontainers.image.source"]);
        Assert.Equal("2025-05-20T12:30:00Z", labels["org.opencontainers.image.created"]);
        Assert.Equal("credit", labels["repoml.model.name"]);
        Assert.Equal("3", labels["repoml.model.version"]);
        Assert.Equal("sha256:" + new string('a', 64), labels["repoml.model.digest"]);
        Assert.Equal("sha256:" + new string('b', 64), labels["repoml.environment.digest"]);
        Assert.Equal("0.1.0", labels["repoml.version"]);
    }

    [Fact]
    public void Should_be_ordered_and_equal_When_created_twice_from_equal_lineage()
    {
        var first = ImageLabels.Create(PackagingSamples.Lineage());
        var second = ImageLabels.Create(PackagingSamples.Lineage());

        Assert.Equal(first, second);
        Assert.Equal(first.Select(p => p.Key).Order(StringComparer.Ordinal), first.Select(p => p.Key));
    }

    [Fact]
    public void Should_leave_out_unknown_facts_When_the_model_is_a_path_outside_git()
    {
        var lineage = PackagingSamples.Lineage(version: null) with { Revision = null, Source = null };

        var labels = ImageLabels.Create(lineage).ToDictionary(p => p.Key, p => p.Value);

        Assert.DoesNotContain("org.opencontainers.image.revision", labels.Keys);
        Assert.DoesNotContain("repoml.model.version", labels.Keys);
        Assert.Equal("local", lineage.DefaultTag);
    }

    [Fact]
    public void Should_prefer_SOURCE_DATE_EPOCH_over_the_commit_time_When_both_exist()
    {
        var commit = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), SourceDateEpoch.Choose("1700000000", commit));
        Assert.Equal(commit, SourceDateEpoch.Choose(null, commit));
        Assert.Equal(DateTimeOffset.UnixEpoch, SourceDateEpoch.Choose("not a number", null));
    }
}
