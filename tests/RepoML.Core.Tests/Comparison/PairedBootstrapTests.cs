namespace RepoML.Core.Tests.Comparison;

public sealed class PairedBootstrapTests
{
    [Fact]
    public void Should_give_identical_intervals_When_run_twice_with_the_same_seed()
    {
        // Given two models on the same rows
        var candidate = Fixtures.Binary(500, 1, 0.3);
        var baseline = Fixtures.BinaryLike(candidate, 2, 0.4);

        // When the bootstrap runs twice with seed 42 and once with seed 43
        var first = PairedBootstrap.Run(candidate, baseline, 300, 42);
        var second = PairedBootstrap.Run(candidate, baseline, 300, 42);
        var other = PairedBootstrap.Run(candidate, baseline, 300, 43);

        // Then the same seed reproduces every bound exactly (threads do not matter); another seed differs
        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, kv => Assert.Equal(kv.Value, second[kv.Key]));
        Assert.NotEqual(first["roc_auc"], other["roc_auc"]);
    }

    [Fact]
    public void Should_bracket_the_observed_delta_When_models_differ()
    {
        // Given / When
        var candidate = Fixtures.Binary(800, 5, 0.4);
        var baseline = Fixtures.BinaryLike(candidate, 6, 0.9);
        var intervals = PairedBootstrap.Run(candidate, baseline, 1000, 42);

        // Then the 95 % interval of each delta holds the observed delta
        var (c, b) = (candidate.Metrics(), baseline.Metrics());
        foreach (var (name, ci) in intervals)
        {
            Assert.InRange(c[name] - b[name], ci.Low, ci.High);
        }
    }

    [Fact]
    public void Should_be_zero_wide_When_the_models_are_the_same()
    {
        // Given / When
        var model = Fixtures.Regression(300, 1, 10);
        var intervals = PairedBootstrap.Run(model, model, 200, 42);

        // Then paired resampling cancels out exactly
        Assert.All(intervals.Values, ci => Assert.Equal(new ConfidenceInterval(0, 0), ci));
    }

    [Fact]
    public void Should_interpolate_linearly_as_numpy_percentile_does()
    {
        // Given numpy's default ("linear"): np.percentile([1, 2, 3, 4, 10], [2.5, 97.5]) = [1.1, 9.4]
        double[] sorted = [1, 2, 3, 4, 10];

        // When / Then
        Assert.Equal(1.1, PairedBootstrap.Percentile(sorted, 0.025), 1e-12);
        Assert.Equal(9.4, PairedBootstrap.Percentile(sorted, 0.975), 1e-12);
        Assert.Equal(3.0, PairedBootstrap.Percentile(sorted, 0.5), 1e-12);
    }

    [Fact]
    public void Should_refuse_When_the_rows_are_not_paired()
    {
        // Given / When / Then
        Assert.Throws<ArgumentException>(() => PairedBootstrap.Run(Fixtures.Binary(50, 1, 0.3), Fixtures.Binary(50, 2, 0.3), 10, 1));
    }
}
