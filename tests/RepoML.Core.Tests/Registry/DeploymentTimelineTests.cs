using RepoML.Core.Lineage;

namespace RepoML.Core.Tests.Registry;

public sealed class DeploymentTimelineTests
{
    private static readonly string Blue = SampleSpecs.Deployment("blue", withCode: false);

    [Fact]
    public void Should_move_a_latest_deployment_to_the_new_version_When_one_is_registered()
    {
        // Given
        var history = new FakeHistory()
            .Register("alice", FakeHistory.Record("credit", "a"))
            .Commit("alice", ("endpoints/credit/blue.yml", Blue))
            .Register("bob", FakeHistory.Record("credit", "b", 1));
        var registry = history.Build();

        // When
        var uses = DeploymentTimeline.Build(history.Commits, history.Read, registry);

        // Then
        Assert.Equal([(1, false, 2), (2, true, 3)], uses.Select(u => (u.Version.Version, u.Active, u.SincePosition)));
        Assert.Equal(("credit", "blue"), (uses[0].Endpoint, uses[0].Deployment));
    }

    [Fact]
    public void Should_render_a_mermaid_flowchart_When_a_version_has_lineage()
    {
        // Given
        var history = new FakeHistory().Register("alice", FakeHistory.Record("credit", "a")).Register("bob", FakeHistory.Record("credit", "b", 1));
        var registry = history.Build();
        var report = LineageReport.Create(registry, registry.Resolve(AssetKind.Model, "credit:2"), [], _ => null);

        // When
        var mermaid = MermaidRenderer.Render(LineageGraph.From(report));

        // Then
        Assert.StartsWith("flowchart LR\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("-->|replaced by|", mermaid, StringComparison.Ordinal);
        Assert.Contains("model: credit:2", mermaid, StringComparison.Ordinal);
    }
}
