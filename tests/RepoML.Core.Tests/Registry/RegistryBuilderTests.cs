namespace RepoML.Core.Tests.Registry;

public sealed class RegistryBuilderTests
{
    [Fact]
    public void Should_number_records_by_commit_then_record_time_When_one_merge_brings_several()
    {
        // Given: one commit registers a; a merge brings c (older) and b (newer) at once.
        var history = new FakeHistory()
            .Register("alice", FakeHistory.Record("credit", "a", 1))
            .Register("merger", FakeHistory.Record("credit", "b", 9), FakeHistory.Record("credit", "c", 5));

        // When
        var credit = history.Build().Find(AssetKind.Model, "credit")!;

        // Then
        Assert.Equal(["a", "c", "b"], credit.Versions.Select(v => v.Record.Digest == FakeHistory.Record("credit",
            "a").Digest ? "a" : v.Record.Digest == FakeHistory.Record("credit", "b").Digest ? "b" : "c"));
        Assert.Equal([1, 2, 3], credit.Versions.Select(v => v.Version));
        Assert.Equal("merger", credit.Version(3)!.Commit.AuthorName);
    }

    [Fact]
    public void Should_resolve_labels_and_latest_as_of_a_position_When_labels_move_and_versions_are_archived()
    {
        // Given
        var a = FakeHistory.Record("credit", "a");
        var b = FakeHistory.Record("credit", "b", 1);
        var history = new FakeHistory().Register("alice", a)
            .Commit("alice", (RegistryPath.Label(AssetKind.Model, "credit", "prod").Path, a.Key + "\n"))
            .Register("bob", b)
            .Commit("bob", (RegistryPath.Label(AssetKind.Model, "credit", "prod").Path, b.Key + "\n"))
            .Commit("carol", (RegistryPath.Archived(AssetKind.Model, "credit", b.Key).Path, "credit:2\n"));

        // When
        var registry = history.Build();

        // Then
        Assert.Equal(2, registry.Resolve(AssetKind.Model, "credit@prod").Version);
        Assert.Equal(1, registry.Resolve(AssetKind.Model, new("credit", null, "prod"), asOf: 2).Version);
        Assert.Equal(1, registry.Resolve(AssetKind.Model, "credit@latest").Version);
        Assert.Equal(2, registry.Resolve(AssetKind.Model, new("credit", null, "latest"), asOf: 4).Version);
        Assert.Equal(2, registry.Resolve(AssetKind.Model, "azureml:credit:2").Version);
        Assert.Equal(RegistryErrors.NotFound, Assert.Throws<RegistryException>(() => registry.Resolve(AssetKind.Model, "credit:3")).Id);
        Assert.Equal(RegistryErrors.BadReference, Assert.Throws<RegistryException>(() => registry.Resolve(AssetKind.Model, "credit:abc")).Id);
    }

    [Fact]
    public void Should_report_a_problem_and_keep_the_original_When_a_record_is_deleted_or_misnamed()
    {
        // Given
        var a = FakeHistory.Record("credit", "a");
        var history = new FakeHistory().Register("alice", a)
            .Commit("mallory", (RegistryPath.Version(AssetKind.Model, "credit", a.Key).Path, null))
            .Commit("mallory", (RegistryPath.Version(AssetKind.Model, "credit", "0000000000000000").Path,
                RegistrationRecordJson.Serialize(FakeHistory.Record("credit", "z"))));

        // When
        var registry = history.Build();

        // Then
        Assert.Single(registry.Find(AssetKind.Model, "credit")!.Versions);
        Assert.Equal(2, registry.Problems.Count);
    }
}
