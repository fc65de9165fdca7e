using RepoML.Core.Sweeps;

namespace RepoML.Core.Tests.Sweeps;

public sealed class SweepJobReaderTests
{
    private static (SweepSettings? Settings, List<Diagnostic> Diagnostics) Read(string searchSpace, string sampling = "random")
    {
        var yaml = $"""
            type: sweep
            sampling_algorithm:
              type: {sampling}
              seed: 11
            objective:
              goal: maximize
              primary_metric: accuracy
            limits:
              max_total_trials: 200
            search_space:
            {searchSpace}
            """;
        var diagnostics = new List<Diagnostic>();
        return (SweepJobReader.Read("s", (YamlMapping)YamlReader.Read("s.yml", yaml).Root!, diagnostics), diagnostics);
    }

    [Fact]
    public void Should_draw_within_each_expressions_support_When_the_space_uses_every_distribution()
    {
        // Given every parameter expression Azure ML has
        var (settings, diagnostics) = Read("""
              c: {type: choice, values: [gbdt, dart]}
              r: {type: randint, upper: 5}
              u: {type: uniform, min_value: 1, max_value: 2}
              lu: {type: loguniform, min_value: -3, max_value: 0}
              qu: {type: quniform, min_value: 0, max_value: 10, q: 2}
              n: {type: normal, mu: 10, sigma: 1}
              ln: {type: lognormal, mu: 0, sigma: 0.5}
              qn: {type: qnormal, mu: 0, sigma: 10, q: 5}
            """);

        // When 200 trials are planned
        Assert.Empty(diagnostics);
        var trials = settings!.PlanTrials();

        // Then each draw is in its expression's support, and the draws are spread (not one value repeated)
        Assert.Equal(200, trials.Count);
        var c = settings.Space.Single(d => d.Name == "c");
        Assert.Equal(["dart", "gbdt"], trials.Select(t => c.Format(t["c"])).Distinct().Order());
        Assert.All(trials, t => Assert.Contains(t["r"], new double[] { 0, 1, 2, 3, 4 }));
        Assert.Equal(5, trials.Select(t => t["r"]).Distinct().Count());
        Assert.All(trials, t => Assert.InRange(t["u"], 1, 2));
        Assert.All(trials, t => Assert.InRange(t["lu"], Math.Exp(-3), 1));
        Assert.All(trials, t => Assert.Equal(0, t["qu"] % 2));
        Assert.InRange(trials.Average(t => t["n"]), 9.7, 10.3);
        Assert.All(trials, t => Assert.True(t["ln"] > 0));
        Assert.All(trials, t => Assert.Equal(0, t["qn"] % 5));
        Assert.True(trials.Select(t => t["u"]).Distinct().Count() > 150);
    }

    [Fact]
    public void Should_plan_the_same_trials_as_repoml_sweep_When_the_space_and_seed_are_the_same()
    {
        // Given the YAML space and the equivalent --space dimensions of repoml sweep
        var (settings, _) = Read("""
              leaves: {type: choice, values: [4, 8, 16]}
              rate: {type: uniform, min_value: 0.05, max_value: 0.3}
            """);
        SearchDimension[] cli = [new("leaves", [4, 8, 16], 4, 16, true), new("rate", null, 0.05, 0.3, false)];

        // When / Then both plan with the one engine and one seed
        Assert.Equal(SweepPlanner.Plan(cli, SearchAlgorithm.Random, 200, 11).Select(t => (t["leaves"], t["rate"])),
            settings!.PlanTrials().Select(t => (t["leaves"], t["rate"])));
    }

    [Theory]
    [InlineData("  x: {type: beta, alpha: 1}", "RML0104", "needs a type: one of choice")]
    [InlineData("  x: {type: uniform, min_value: 1, max_value: 2, q: 3}", "RML0102", "uniform 'x' has no field 'q'")]
    [InlineData("  x: {type: uniform, min_value: 1}", "RML0101", "needs a number for 'max_value'")]
    [InlineData("  x: {type: choice, values: [{a: 1}]}", "RML0404", "nested search spaces are not supported locally")]
    public void Should_name_the_problem_at_its_place_When_a_search_space_entry_is_wrong(string entry, string id, string message)
    {
        var (settings, diagnostics) = Read(entry);

        Assert.Null(settings);
        var error = Assert.Single(diagnostics);
        Assert.Equal(id, error.Id);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(11, error.Line);
    }
}
