using RepoML.Core.Sweeps;
using RepoML.Training.Sweeps;

namespace RepoML.Training.Tests;

public sealed class HyperParametersTests
{
    [Fact]
    public void Should_list_valid_names_When_a_parameter_is_unknown()
    {
        // Given / When an unknown name / Then the message lists the trainer's parameters
        var error = Assert.Throws<TrainingOptionsException>(() => HyperParameters.Resolve(TrainerKind.FastTree, ["trees=5"]));
        Assert.Equal("unknown hyper-parameter 'trees' for trainer fasttree; valid: number_of_trees, number_of_leaves, learning_rate, " +
            "min_example_count_per_leaf", error.Message);
    }

    [Theory]
    [InlineData("number_of_trees=2.5")]
    [InlineData("number_of_leaves=1")]
    [InlineData("learning_rate=fast")]
    [InlineData("learning_rate")]
    public void Should_refuse_When_a_value_is_invalid(string assignment)
    {
        // Given / When / Then
        Assert.Throws<TrainingOptionsException>(() => HyperParameters.Resolve(TrainerKind.LightGbm, [assignment]));
    }

    [Fact]
    public void Should_merge_given_values_over_defaults_When_resolving()
    {
        // Given / When
        var resolved = HyperParameters.Resolve(TrainerKind.FastTree, ["number_of_trees=7"]);

        // Then every parameter has a value
        Assert.Equal(7, resolved["number_of_trees"]);
        Assert.Equal(20, resolved["number_of_leaves"]);
    }

    [Fact]
    public void Should_enumerate_every_combination_When_searching_a_grid()
    {
        // Given two choice dimensions
        var space = new[] { SearchSpaceOption.Parse(TrainerKind.FastTree, "number_of_trees=5,10,20"), SearchSpaceOption.Parse(TrainerKind.FastTree,
            "learning_rate=0.1,0.3") };

        // When planned
        var plan = SweepPlanner.Plan(space, SearchAlgorithm.Grid, null, 1);

        // Then there are 3 x 2 trials, in row-major order
        Assert.Equal(6, plan.Count);
        Assert.Equal(5, plan[0]["number_of_trees"]);
        Assert.Equal(0.3, plan[1]["learning_rate"]);
    }

    [Fact]
    public void Should_draw_reproducible_values_within_range_When_searching_randomly()
    {
        // Given an integer range and a real range
        var space = new[] { SearchSpaceOption.Parse(TrainerKind.LightGbm, "number_of_leaves=4..16"), SearchSpaceOption.Parse(TrainerKind.LightGbm,
            "learning_rate=0.01..0.3") };

        // When planned twice with one seed
        var a = SweepPlanner.Plan(space, SearchAlgorithm.Random, 20, 3);
        var b = SweepPlanner.Plan(space, SearchAlgorithm.Random, 20, 3);

        // Then draws repeat, integers stay integers and everything is in range
        Assert.Equal(a.Select(t => t["learning_rate"]), b.Select(t => t["learning_rate"]));
        Assert.All(a, t => Assert.InRange(t["number_of_leaves"], 4, 16));
        Assert.All(a, t => Assert.Equal(Math.Round(t["number_of_leaves"]), t["number_of_leaves"]));
        Assert.All(a, t => Assert.InRange(t["learning_rate"], 0.01, 0.3));
    }

    [Fact]
    public void Should_refuse_ranges_When_searching_a_grid()
    {
        // Given / When / Then
        var space = new[] { SearchSpaceOption.Parse(TrainerKind.FastTree, "learning_rate=0.1..0.3") };
        Assert.Throws<SearchSpaceException>(() => SweepPlanner.Plan(space, SearchAlgorithm.Grid, null, 1));
    }
}
