using RepoML.Core.Monitoring;

namespace RepoML.Core.Tests.Monitoring;

public sealed class PredictedLabelsTests
{
    [Fact]
    public void Should_map_true_and_false_to_the_positive_and_negative_class_When_the_label_holds_class_names()
    {
        // Given a good/bad label (class order: bad, good; good is the positive class) and a binary model's predictions
        string?[] labels = ["good", "bad", "good", null];
        string?[] predicted = ["true", "false", null, "True"];

        // When aligned
        var (mapped, note) = PredictedLabels.AsLabelClasses(labels, predicted);

        // Then true is good, false is bad, missing stays missing, and the report says what was mapped
        Assert.Equal(["good", "bad", null, "good"], mapped);
        Assert.Contains("good/bad", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", "false")]
    [InlineData("setosa", "virginica")]
    public void Should_leave_predictions_alone_When_they_already_are_label_values(string first, string second)
    {
        // Given predictions in the label's own vocabulary (a boolean label, or a multiclass model)
        string?[] labels = [first, second, "versicolor"];
        if (first == "true") { labels = ["true", "false"]; }
        string?[] predicted = [first, second];

        // When aligned
        var (mapped, note) = PredictedLabels.AsLabelClasses(labels, predicted);

        // Then nothing changes
        Assert.Same(predicted, mapped);
        Assert.Null(note);
    }

    [Fact]
    public void Should_compare_like_with_like_When_served_predictions_follow_the_training_distribution()
    {
        // Given a 70/30 good/bad baseline and predictions with the same 70/30 split written as true/false
        var baseline = new CellTable(["class"], [.. Enumerable.Range(0, 300).Select(i => new string?[] { i % 10 < 7 ? "good" : "bad" })], null);
        var outputs = new CellTable(["PredictedLabel.output"], [.. Enumerable.Range(0, 300).Select(i
            => new string?[] { i % 10 < 7 ? "true" : "false" })], null);
        var spec = MonitorReader.Read("monitor.yml", "endpoint: credit\nbaseline:\n  data: base.csv\n  target_column: class\n").Monitor!;

        // When the monitor computes prediction drift
        var report = MonitorCalculator.Run(spec, "credit", "base", baseline, baseline, outputs, DateTimeOffset.UnixEpoch,
            DateTimeOffset.UnixEpoch, [], null);

        // Then it is stable (chi-square p = 1), not a 100 % "new category" alert
        Assert.Equal(DriftStatus.Stable, report.PredictionDrift!.Status);
        Assert.Equal(1.0, report.PredictionDrift.Value, 1e-9);
        Assert.DoesNotContain(report.Alerts, a => a.Signal == "prediction_drift");
    }
}
