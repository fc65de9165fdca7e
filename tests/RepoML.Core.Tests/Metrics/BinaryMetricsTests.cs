namespace RepoML.Core.Tests.Metrics;

// Reference values computed once with scikit-learn 1.2.1 (Debian python3-sklearn) using
// accuracy_score, precision_score, recall_score, f1_score, roc_auc_score,
// average_precision_score and log_loss on exactly these arrays (predicted = probability >= 0.5).
public sealed class BinaryMetricsTests
{
    private const double Tolerance = 1e-9;

    private static readonly bool[] Actual = [.. new[] { 1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0 }.Select(v => v == 1)];

    // Ties at 0.4 (four rows, mixed classes) and 0.5, and the extremes 0.0 and 1.0.
    private static readonly double[] Probability = [0.9, 0.1, 0.8, 0.4, 0.4, 0.35, 0.4, 0.0, 1.0, 0.6, 0.7, 0.55, 0.2, 0.5, 0.5, 0.3, 0.9, 0.65,
        0.4, 0.05];

    [Fact]
    public void Should_match_scikit_learn_When_scores_contain_ties()
    {
        // Given a fixed prediction set with tied scores
        // When the metrics are computed
        var metrics = BinaryMetrics.Compute(Actual, Probability);

        // Then every value equals scikit-learn's to 1e-9
        Assert.Equal(20, metrics.Count);
        Assert.Equal(0.7, metrics.Accuracy, Tolerance);
        Assert.Equal(0.7, metrics.Precision, Tolerance);
        Assert.Equal(0.7, metrics.Recall, Tolerance);
        Assert.Equal(0.7, metrics.F1, Tolerance);
        Assert.Equal(0.815, metrics.RocAuc, Tolerance);
        Assert.Equal(0.7642857142857142, metrics.PrAuc, Tolerance);
        Assert.Equal(0.5372961077263081, metrics.LogLoss, Tolerance);
    }

    [Fact]
    public void Should_clip_probabilities_When_a_confident_prediction_is_wrong()
    {
        // Given a positive row scored 0.0 (sklearn: log_loss([1,0,1],[0.0,0.3,1.0]))
        // When log loss is computed
        var metrics = BinaryMetrics.Compute([true, false, true], [0.0, 0.3, 1.0]);

        // Then the loss is finite, as with eps = 2.22e-16 clipping
        Assert.Equal(12.133442777685296, metrics.LogLoss, Tolerance);
    }

    [Fact]
    public void Should_count_all_ties_as_one_threshold_When_every_score_is_equal()
    {
        // Given constant scores (sklearn: roc_auc_score = 0.5, average_precision_score = 0.6)
        // When the ranking metrics are computed
        var metrics = BinaryMetrics.Compute([false, false, true, true, true], [0.5, 0.5, 0.5, 0.5, 0.5]);

        // Then ties are handled as one step
        Assert.Equal(0.5, metrics.RocAuc, Tolerance);
        Assert.Equal(0.6, metrics.PrAuc, Tolerance);
    }

    [Fact]
    public void Should_report_zero_precision_When_nothing_is_predicted_positive()
    {
        // Given no positive prediction
        // When metrics are computed
        var metrics = BinaryMetrics.Compute([true, false], [0.2, 0.1]);

        // Then precision, recall and F1 are 0 (sklearn's zero_division default) and ROC AUC is still defined
        Assert.Equal(0.0, metrics.Precision);
        Assert.Equal(0.0, metrics.F1);
        Assert.Equal(1.0, metrics.RocAuc, Tolerance);
    }

    [Fact]
    public void Should_rank_100000_rows_quickly_When_the_input_is_large()
    {
        // Given 100,000 rows
        var random = new Random(7);
        var actual = new bool[100_000];
        var probability = new double[100_000];
        for (var i = 0; i < actual.Length; i++)
        {
            actual[i] = random.NextDouble() < 0.3;
            probability[i] = Math.Round(random.NextDouble(), 3);
        }

        // When metrics are computed
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var metrics = BinaryMetrics.Compute(actual, probability);

        // Then it is an O(n log n) computation (well under a second) with a chance-level AUC
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), watch.Elapsed.ToString());
        Assert.InRange(metrics.RocAuc, 0.48, 0.52);
    }
}
