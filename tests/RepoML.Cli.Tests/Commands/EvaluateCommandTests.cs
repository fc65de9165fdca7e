using RepoML.Core.Metrics;

namespace RepoML.Cli.Tests.Commands;

public sealed class EvaluateCommandTests : DataFilesTests
{
    [Fact]
    public async Task Should_write_metrics_and_one_prediction_row_per_input_When_evaluating_a_multiclass_model()
    {
        // Given a model trained on a training split of iris
        await Files.Run("data", "split", "--data", DataFiles.Path("iris.csv"), "--train-out", "train.csv", "--test-out", "test.csv",
            "--stratify", "species");
        await Files.Run("train", "--data", "train.csv", "--label", "species", "--task", "multiclass", "--trainer", "lightgbm", "--param",
            "number_of_trees=5", "--out", "model");

        // When the folder is evaluated on the test split
        var result = await Files.Run("evaluate", "model", "--data", "test.csv", "--out", "eval/metrics.json", "--predictions",
            "eval/predictions.csv", "--output", "json");

        // Then metrics.json and predictions agree: recomputing from the file gives the reported metrics
        Assert.True(result.Code == 0, result.Error);
        var metrics = DataFiles.Json(File.ReadAllText(Files.In("eval/metrics.json"))).GetProperty("metrics");
        var lines = File.ReadAllLines(Files.In("eval/predictions.csv"));
        Assert.Equal("row,actual,predicted,probability_setosa,probability_versicolor,probability_virginica", lines[0]);
        Assert.Equal(31, lines.Length);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        string[] classes = ["setosa", "versicolor", "virginica"];
        var recomputed = MulticlassMetrics.Compute(
            [.. rows.Select(r => Array.IndexOf(classes, r[1]))],
            [.. rows.Select(r => Array.IndexOf(classes, r[2]))],
            [.. rows.SelectMany(r => r[3..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)))],
            3);
        Assert.Equal(recomputed.MacroF1, metrics.GetProperty("macro_f1").GetDouble(), 12);
        Assert.Equal(recomputed.LogLoss, metrics.GetProperty("log_loss").GetDouble(), 12);
    }

    [Fact]
    public async Task Should_evaluate_a_bare_onnx_file_When_task_and_label_are_given()
    {
        // Given the shipped regression model without model-info.json
        // When evaluated with --task and --label
        var result = await Files.Run("evaluate", DataFiles.Path("diabetes_regression_linear.onnx"), "--data", DataFiles.Path("diabetes.csv"),
            "--label", "progression", "--task", "regression", "--out", "m.json", "--predictions", "p.csv");

        // Then it reports regression metrics and writes predictions
        Assert.True(result.Code == 0, result.Error);
        Assert.Contains("rmse", result.Output, StringComparison.Ordinal);
        Assert.Equal("row,actual,predicted", File.ReadLines(Files.In("p.csv")).First());
    }

    [Fact]
    public async Task Should_exit_1_and_name_the_input_When_the_data_lacks_a_model_column()
    {
        // Given data without the 'bmi' column
        File.WriteAllLines(Files.In("d.csv"), File.ReadLines(DataFiles.Path("diabetes.csv")).Select(l => string.Join(',', l.Split(',').Where((_,
            i) => i != 2))));

        // When evaluated
        var result = await Files.Run("evaluate", DataFiles.Path("diabetes_regression_linear.onnx"), "--data", "d.csv", "--label", "progression",
            "--task", "regression", "--out", "m.json");

        // Then the message names the file
        Assert.Equal(1, result.Code);
        Assert.StartsWith("error: d.csv: the data has no column for model input(s) 'bmi'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_exit_2_When_a_bare_model_has_no_task()
    {
        // Given / When / Then
        var result = await Files.Run("evaluate", DataFiles.Path("diabetes_regression_linear.onnx"), "--data", DataFiles.Path("diabetes.csv"),
            "--label", "progression", "--out", "m.json");
        Assert.Equal(2, result.Code);
    }
}
