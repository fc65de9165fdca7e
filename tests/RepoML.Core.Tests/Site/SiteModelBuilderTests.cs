using RepoML.Core.Site;

namespace RepoML.Core.Tests.Site;

public sealed class SiteModelBuilderTests
{
    [Fact]
    public void Should_compare_each_version_with_its_predecessor_When_runs_produced_both()
    {
        // Given
        var input = SiteFixtures.Input(SiteFixtures.Credit());

        // When
        var model = SiteModelBuilder.Build(input);

        // Then
        var second = model.Versions.Single(v => v.Version.Version == 2);
        Assert.Null(model.Versions.Single(v => v.Version.Version == 1).Delta);
        Assert.True(second.Delta!.ContentChanged);
        Assert.Equal([new ValueChange("train.trees", "100", "200")], second.Delta.Parameters);
        var auc = second.Delta.Metrics.Single(m => m.Name == "auc");
        Assert.Equal(0.05, auc.Delta!.Value, 10);
        Assert.Equal(0, second.Delta.Metrics.Single(m => m.Name == "accuracy").Delta);
    }

    [Fact]
    public void Should_list_one_run_per_run_id_newest_first_When_versions_came_from_runs()
    {
        // Given
        var input = SiteFixtures.Input(SiteFixtures.Credit());

        // When
        var runs = SiteModelBuilder.Build(input).Runs;

        // Then
        Assert.Equal(["r2", "r1"], runs.Select(r => r.RunId));
        Assert.Equal("200", runs[0].Parameters["train.trees"]);
        Assert.DoesNotContain("train.data", runs[0].Parameters.Keys);
        Assert.Equal(0.85, runs[0].Metrics["auc"]);
        Assert.Equal("credit:2", runs[0].Produced.Single().ToString());
    }

    [Fact]
    public void Should_follow_the_traffic_split_of_the_deployment_a_version_was_in_When_the_endpoint_changes()
    {
        // Given
        var input = SiteFixtures.Input(SiteFixtures.Credit());

        // When
        var model = SiteModelBuilder.Build(input);

        // Then: blue served credit:1 at 100 % until credit:2 became latest; credit:2 then had 100 % and 90 % after carol's change
        var endpoint = Assert.Single(model.Endpoints);
        Assert.Equal([100, 90], endpoint.Traffic.Select(t => t.Split["blue"]));
        Assert.Equal([100], model.Versions.Single(v => v.Version.Version == 1).Traffic.Select(t => t.Percent));
        Assert.Equal([100, 90], model.Versions.Single(v => v.Version.Version == 2).Traffic.Select(t => t.Percent));
    }

    [Fact]
    public void Should_record_a_removed_endpoint_as_an_empty_split_When_its_file_is_deleted()
    {
        // Given
        var history = SiteFixtures.Credit().Commit("dave", ("endpoints/credit/endpoint.yml", null));

        // When
        var traffic = TrafficHistory.Build(history.Commits, history.Read);

        // Then
        Assert.Equal(3, traffic.Count);
        Assert.Empty(traffic[^1].Split);
        Assert.Equal("dave", traffic[^1].Commit.AuthorName);
    }
}
