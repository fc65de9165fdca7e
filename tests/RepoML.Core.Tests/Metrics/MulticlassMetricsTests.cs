namespace RepoML.Core.Tests.Metrics;

// Reference values computed once with scikit-learn 1.2.1 (Debian python3-sklearn) using
// accuracy_score, f1_score(average="macro") and log_loss on exactly these arrays; predicted = argmax.
public sealed class MulticlassMetricsTests
{
    private const double Tolerance = 1e-9;

    private static readonly int[] Actual = [0, 1, 2, 2, 1, 0, 1, 2, 0, 1, 2, 1];

    private static readonly int[] Predicted = [0, 1, 2, 1, 0, 0, 1, 2, 0, 2, 2, 1];

    private static readonly double[] Probabilities =
    [
        0.7, 0.2, 0.1, 0.1, 0.6, 0.3, 0.2, 0.2, 0.6, 0.3, 0.4, 0.3, 0.5, 0.4, 0.1, 0.8, 0.1, 0.1,
        0.0, 1.0, 0.0, 0.1, 0.1, 0.8, 0.4, 0.3, 0.3, 0.2, 0.3, 0.5, 0.25, 0.25, 0.5, 0.3, 0.6, 0.1,
    ];

    [Fact]
    public void Should_match_scikit_learn_When_given_a_fixed_prediction_set()
    {
        // Given twelve rows of three classes
        // When the metrics are computed
        var metrics = MulticlassMetrics.Compute(Actual, Predicted, Probabilities, classCount: 3);

        // Then they equal scikit-learn's
        Assert.Equal(0.75, metrics.Accuracy, Tolerance);
        Assert.Equal(0.7579365079365079, metrics.MacroF1, Tolerance);
        Assert.Equal(0.6057594309021043, metrics.LogLoss, Tolerance);
    }

    [Fact]
    public void Should_clip_and_renormalise_When_the_true_class_has_probability_zero()
    {
        // Given (sklearn) log_loss([0,1,2], [[0,1,0],[0.2,0.5,0.3],[0.1,0.1,0.8]])
        // When log loss is computed
        var metrics = MulticlassMetrics.Compute([0, 1, 2], [1, 1, 2], [0.0, 1.0, 0.0, 0.2, 0.5, 0.3, 0.1, 0.1, 0.8], 3);

        // Then it equals scikit-learn's clipped value
        Assert.Equal(12.31998137366377, metrics.LogLoss, Tolerance);
    }

    [Fact]
    public void Should_average_over_present_labels_only_When_a_class_never_occurs()
    {
        // Given class 1 only predicted and class 3 absent (sklearn: f1_score([0,0,2,2],[0,1,0,2], average="macro"))
        // When macro-F1 is computed over four possible classes
        var metrics = MulticlassMetrics.Compute([0, 0, 2, 2], [0, 1, 0, 2], [], 4);

        // Then absent classes do not count and log loss is NaN without probabilities
        Assert.Equal(0.38888888888888884, metrics.MacroF1, Tolerance);
        Assert.True(double.IsNaN(metrics.LogLoss));
    }
}
