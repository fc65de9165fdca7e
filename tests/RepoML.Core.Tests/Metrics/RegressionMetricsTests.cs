namespace RepoML.Core.Tests.Metrics;

// Reference values computed once with scikit-learn 1.2.1 (Debian python3-sklearn) using
// mean_squared_error(squared=False), mean_absolute_error and r2_score on exactly these arrays.
public sealed class RegressionMetricsTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Should_match_scikit_learn_When_given_a_fixed_prediction_set()
    {
        // Given ten predictions
        double[] actual = [3.0, -0.5, 2.0, 7.0, 4.2, 1.1, 0.0, 5.5, 2.2, 9.9];
        double[] predicted = [2.5, 0.0, 2.0, 8.0, 3.9, 1.5, -0.3, 5.0, 2.8, 9.1];

        // When the metrics are computed
        var metrics = RegressionMetrics.Compute(actual, predicted);

        // Then they equal scikit-learn's
        Assert.Equal(0.5558776843874919, metrics.Rmse, Tolerance);
        Assert.Equal(0.49000000000000005, metrics.Mae, Tolerance);
        Assert.Equal(0.967766836351498, metrics.R2, Tolerance);
    }

    [Theory]
    [InlineData(2.0, 1.0)]
    [InlineData(1.0, 0.0)]
    public void Should_stay_finite_When_actual_values_are_constant(double firstPrediction, double expectedR2)
    {
        // Given constant actual values (sklearn r2_score force_finite: 1.0 if perfect, else 0.0)
        // When R2 is computed
        var metrics = RegressionMetrics.Compute([2.0, 2.0, 2.0], [firstPrediction, 2.0, 2.0]);

        // Then it is finite
        Assert.Equal(expectedR2, metrics.R2);
    }

    [Fact]
    public void Should_name_metrics_by_task_When_listing_them()
    {
        // Given / When / Then
        Assert.Equal(["rmse", "mae", "r2"], MetricNames.ForTask(MlTask.Regression));
        Assert.False(MetricNames.GreaterIsBetter(MetricNames.LogLoss));
        Assert.True(MetricNames.GreaterIsBetter(MetricNames.RocAuc));
    }
}
