using RepoML.Core.Lineage;
using RepoML.Core.Runs;

namespace RepoML.Core.Tests.Registry;

public sealed class LineageGraphTests
{
    [Fact]
    public void Should_connect_every_node_When_the_run_recorded_an_environment_asset_and_an_unread_data_asset()
    {
        // Given a version whose run recorded, as the pipeline runner does, its azureml: environment as an asset (the jobs hold
        // its digest as EnvironmentDigest, not as an input) and a data asset no job input names
        var history = new FakeHistory().Register("alice", FakeHistory.Record("credit", "a"));
        var registry = history.Build();
        var report = LineageReport.Create(registry, registry.Resolve(AssetKind.Model, "credit:1"), [], _ => null);
        JobLineage Job(string name, IReadOnlyDictionary<string, string> inputs, IReadOnlyDictionary<string, string> outputs) => new(name,
            JobRecord.Completed, false, "azureml:onnx-training:1", "sha256:env", null, inputs, outputs);
        var run = new RunLineage("20250101-000000-abcdef", "pipelines/train.yml", "sha256:p", null, "0123456789abcdef", "main", "train",
            "model", DateTimeOffset.UnixEpoch,
            [Job("split", new Dictionary<string, string> { ["data"] = "sha256:data" }, new Dictionary<string, string> { ["train"] = "sha256:tr" }),
                Job("train", new Dictionary<string, string> { ["train"] = "sha256:tr" }, new Dictionary<string, string> { ["model"] = "sha256:m" })],
            [new AssetUse("environment", "azureml:onnx-training:1", null, "sha256:env"), new AssetUse("data", "data/credit.csv", null, "sha256:data"),
                new AssetUse("data", "data/notes.csv", null, "sha256:unread")]);
        report = report with { Version = report.Version with { Record = report.Version.Record with { Run = run } } };

        // When the lineage graph is built and drawn
        var graph = LineageGraph.From(report);
        var mermaid = MermaidRenderer.Render(graph);

        // Then every node has an edge: the environment once (the jobs' node), the unread asset on the run
        var linked = graph.Edges.SelectMany(e => new[] { e.From, e.To }).ToHashSet(StringComparer.Ordinal);
        Assert.All(graph.Nodes, n => Assert.Contains(n.Id, linked));
        Assert.Single(graph.Nodes, n => n.Type == "environment");
        Assert.Contains(graph.Edges, e => e.From == "data:data/notes.csv:" && e.To == "run:20250101-000000-abcdef");
        Assert.Equal(graph.Edges.Count, mermaid.Split('\n').Count(l => l.Contains("-->", StringComparison.Ordinal)));
    }

    [Fact]
    public void Should_keep_one_statement_per_node_and_no_markup_When_a_label_carries_mermaid_syntax()
    {
        // Given an author name and a deployment name written by others
        var graph = new LineageGraph(
            [new LineageNode("a", "commit", "abc \"]) --> evil[\"x|y #lt;img src=x onerror=alert(1)#gt; <b>`md`</b>\nn9[z] &amp;\u001b"),
                new LineageNode("b", "deployment", "blue")],
            [new LineageEdge("a", "b", "deployed|since\n#35;")]);

        // When
        var lines = MermaidRenderer.Render(graph).TrimEnd('\n').Split('\n');

        // Then the flowchart has exactly its two nodes and one edge, and the label holds no syntax, entity, tag or control character
        Assert.Equal(4, lines.Length);
        Assert.Equal("  n0((\"commit: abc #34;]) --#62; evil[#34;x#124;y #35;lt#59;img src=x onerror=alert(1)#35;gt#59; #60;b#62;#96;md#96;#60;/b#62; n9[z] "
            + "#38;amp#59;\uFFFD\"))", lines[1]);
        Assert.Equal("  n0 -->|deployed#124;since #35;35#59;| n1", lines[3]);
    }
}
