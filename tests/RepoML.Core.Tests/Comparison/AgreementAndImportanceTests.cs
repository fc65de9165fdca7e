namespace RepoML.Core.Tests.Comparison;

public sealed class AgreementAndImportanceTests
{
    [Fact]
    public void Should_count_same_predictions_and_list_the_widest_gaps_first_When_binary_models_differ()
    {
        // Given two binary models on 4 rows: they disagree on rows 1 and 3
        bool[] actual = [true, false, true, false];
        var candidate = PredictionSet.Binary(actual, [true, true, true, false], [0.9, 0.6, 0.7, 0.45]);
        var baseline = PredictionSet.Binary(actual, [true, false, true, true], [0.8, 0.3, 0.7, 0.55]);

        // When
        var agreement = PredictionAgreement.Compute(candidate, baseline, top: 3);

        // Then
        Assert.Equal(0.5, agreement.Rate);
        Assert.Equal(2, agreement.Disagreeing);
        Assert.Equal((0.1 + 0.3 + 0 + 0.1) / 4, agreement.MeanGap, 1e-12);
        Assert.Equal([1, 3, 0], agreement.TopRows.Select(r => r.Row));
        Assert.Equal(new Disagreement(1, "false", "true", "false", 0.3), agreement.TopRows[0] with { Gap = Math.Round(agreement.TopRows[0].Gap,
            12) });
    }

    [Fact]
    public void Should_use_a_tolerance_of_a_tenth_of_the_spread_When_regression_models_differ()
    {
        // Given truth with standard deviation 10 (tolerance 1)
        double[] actual = [0, 20, 0, 20];
        var agreement = PredictionAgreement.Compute(PredictionSet.Regression(actual, [1, 19, 5, 20]), PredictionSet.Regression(actual, [1.5, 19,
            1, 20]), top: 10);

        // Then only row 2 (|Δ| = 4) disagrees
        Assert.Equal(1.0, agreement.Tolerance!.Value, 1e-12);
        Assert.Equal(0.75, agreement.Rate);
        Assert.Equal(2, agreement.TopRows[0].Row);
    }

    [Fact]
    public void Should_rank_the_only_used_feature_first_and_be_reproducible_When_importance_is_computed_twice()
    {
        // Given a "model" whose metric depends only on feature 0 being in its original order
        static double Metric(int feature, int[] permutation) =>
            feature == 0 ? 0.9 - (0.5 * permutation.Where((p, i) => p != i).Count() / permutation.Length) : 0.9;

        // When
        var first = PermutationImportance.Compute(["a", "b", "c"], 100, 0.9, greaterIsBetter: true, Metric, repeats: 3, seed: 42);
        var second = PermutationImportance.Compute(["a", "b", "c"], 100, 0.9, greaterIsBetter: true, Metric, repeats: 3, seed: 42);

        // Then
        Assert.Equal("a", first[0].Feature);
        Assert.InRange(first[0].Mean, 0.4, 0.5);
        Assert.Equal(0, first[1].Mean);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Should_attach_the_baseline_importance_When_both_models_have_the_feature()
    {
        // Given / When
        var merged = PermutationImportance.WithBaseline([new("a", 0.3, 0), new("b", 0.1, 0)], [new("a", 0.2, 0)]);

        // Then
        Assert.Equal(0.1, merged[0].Change!.Value, 1e-12);
        Assert.Null(merged[1].Change);
    }
}
