using RepoML.Core.Lineage;
using RepoML.Core.Site;

namespace RepoML.Core.Tests.Site;

public sealed class LineageSvgTests
{
    [Fact]
    public void Should_place_each_node_right_of_what_it_came_from_When_a_version_has_a_run()
    {
        // Given
        var history = SiteFixtures.Credit();
        var registry = history.Build();
        var report = LineageReport.Create(registry, registry.Resolve(AssetKind.Model, "credit:2"), [], _ => null);
        var graph = LineageGraph.From(report);

        // When
        var columns = LineageSvg.Columns(graph);

        // Then
        Assert.All(graph.Edges, e => Assert.True(columns[e.From] < columns[e.To], $"{e.From} -> {e.To}"));
        Assert.True(columns["run:r2"] < columns["job:r2/train"]);
        Assert.True(columns["job:r2/train"] < columns["model:credit:2"]);
    }

    [Fact]
    public void Should_not_loop_forever_When_a_graph_has_a_cycle()
    {
        // Given
        var graph = new LineageGraph([new("a", "job", "a"), new("b", "job", "b")], [new("a", "b", "x"), new("b", "a", "y")]);

        // When
        var columns = LineageSvg.Columns(graph);

        // Then
        Assert.Equal(2, columns.Count);
        Assert.True(columns.Values.Max() <= graph.Nodes.Count * graph.Edges.Count);
    }
}
