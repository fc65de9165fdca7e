namespace RepoML.Cli.Tests.Commands;

public sealed class SweepCommandTests : DataFilesTests
{
    [Fact]
    public async Task Should_keep_the_best_trial_by_the_primary_metric_When_sweeping_a_grid()
    {
        // Given a 2 x 2 grid over FastTree
        // When the sweep runs, maximizing ROC AUC
        var result = await Files.Run("sweep", "--data", DataFiles.Path("breast_cancer.csv"), "--label", "diagnosis", "--task", "binary",
            "--trainer", "fasttree",
            "--search", "grid", "--space", "number_of_trees=3,10", "--space", "number_of_leaves=4,8", "--primary-metric", "roc_auc", "--goal",
                "maximize", "--out", "best", "--output", "json");

        // Then four trials are recorded and the best one has the highest validation ROC AUC
        Assert.True(result.Code == 0, result.Error);
        var trials = DataFiles.Json(File.ReadAllText(Files.In("best/trials.json")));
        var values = trials.GetProperty("trials").EnumerateArray().Select(t => t.GetProperty("metrics").GetProperty("roc_auc").GetDouble()).ToList();
        Assert.Equal(4, values.Count);
        var best = trials.GetProperty("best_trial").GetInt32();
        Assert.Equal(values.Max(), values[best]);
        Assert.Equal(values[best], DataFiles.Json(result.Output).GetProperty("best_value").GetDouble());
        Assert.Equal("validation", DataFiles.Json(File.ReadAllText(Files.In("best/metrics.json"))).GetProperty("evaluated_on").GetString());
        Assert.True(File.Exists(Files.In("best/model.onnx")));
        Assert.True(File.Exists(Files.In("best/model-info.json")));
    }

    [Fact]
    public async Task Should_run_the_requested_number_of_trials_When_searching_randomly()
    {
        // Given / When a random search of three trials minimizing RMSE
        var result = await Files.Run("sweep", "--data", DataFiles.Path("diabetes.csv"), "--label", "progression", "--task", "regression",
            "--trainer", "lightgbm",
            "--search", "random", "--trials", "3", "--space", "learning_rate=0.05..0.3", "--param", "number_of_trees=5", "--primary-metric",
                "rmse", "--goal", "minimize", "--out", "best", "--output", "json");

        // Then
        Assert.True(result.Code == 0, result.Error);
        Assert.Equal(3, DataFiles.Json(result.Output).GetProperty("trial_count").GetInt32());
        Assert.Equal(5, DataFiles.Json(result.Output).GetProperty("best_params").GetProperty("number_of_trees").GetDouble());
    }

    [Theory]
    [InlineData("grid", "learning_rate=0.1..0.3", "roc_auc")]
    [InlineData("grid", "leaves=3,4", "roc_auc")]
    [InlineData("grid", "learning_rate=0.1,0.3", "rmse")]
    public async Task Should_exit_2_When_the_search_is_misdeclared(string search, string space, string metric)
    {
        // Given / When
        var result = await Files.Run("sweep", "--data", DataFiles.Path("breast_cancer.csv"), "--label", "diagnosis", "--task", "binary",
            "--trainer", "fasttree",
            "--search", search, "--space", space, "--primary-metric", metric, "--goal", "maximize", "--out", "best");

        // Then
        Assert.Equal(2, result.Code);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
    }
}
