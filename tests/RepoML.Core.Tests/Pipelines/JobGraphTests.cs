using RepoML.Core.Pipelines;

namespace RepoML.Core.Tests.Pipelines;

public sealed class JobGraphTests
{
    private static JobGraph Graph(params (string Job, string[] Upstream)[] jobs) =>
        new(jobs.ToDictionary(j => j.Job, j => (IReadOnlySet<string>)j.Upstream.ToHashSet()));

    [Fact]
    public void Should_order_jobs_after_their_inputs_When_acyclic()
    {
        var graph = Graph(("evaluate", ["train", "split"]), ("train", ["split"]), ("split", []));

        Assert.Equal(["split", "train", "evaluate"], graph.TopologicalOrder());
        Assert.Null(graph.FindCycle());
    }

    [Fact]
    public void Should_name_the_cycle_When_jobs_depend_on_each_other()
    {
        var graph = Graph(("a", ["c"]), ("b", ["a"]), ("c", ["b"]), ("d", []));

        Assert.Equal(["a", "c", "b", "a"], graph.FindCycle());
    }

    [Fact]
    public void Should_parse_binding_parts_When_expression_has_spaces()
    {
        var binding = Assert.Single(Binding.FindAll("--x ${{ parent.jobs.train.outputs.model }}/m"));

        Assert.Equal(["parent", "jobs", "train", "outputs", "model"], binding.Parts);
        Assert.Equal("train", binding.UpstreamJob);
        Assert.Equal(4, binding.Index);
    }
}
