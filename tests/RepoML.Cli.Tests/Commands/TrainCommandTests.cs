namespace RepoML.Cli.Tests.Commands;

public sealed class TrainCommandTests : DataFilesTests
{
    [Fact]
    public async Task Should_write_model_metrics_and_info_When_training_succeeds()
    {
        // Given the breast cancer data
        // When a small FastTree model is trained with JSON output
        var result = await Files.Run("train", "--data", DataFiles.Path("breast_cancer.csv"), "--label", "diagnosis", "--task", "binary",
            "--trainer", "fasttree", "--param", "number_of_trees=10", "--param", "learning_rate=0.3", "--seed", "7", "--out", "model",
                "--output", "json");

        // Then the three files exist and the summary and model-info describe the model
        Assert.True(result.Code == 0, result.Error);
        var summary = DataFiles.Json(result.Output);
        Assert.Equal(["model.onnx", "metrics.json", "model-info.json"], summary.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("training", summary.GetProperty("evaluated_on").GetString());
        Assert.True(summary.GetProperty("metrics").GetProperty("roc_auc").GetDouble() > 0.9);
        var info = DataFiles.Json(File.ReadAllText(Files.In("model/model-info.json")));
        Assert.Equal("fasttree", info.GetProperty("trainer").GetString());
        Assert.Equal(0.3, info.GetProperty("params").GetProperty("learning_rate").GetDouble());
        Assert.Equal(["benign", "malignant"], info.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("mean radius", info.GetProperty("features")[0].GetProperty("name").GetString());
        Assert.Equal("Probability.output", info.GetProperty("outputs").GetProperty("probability").GetString());
        Assert.Equal("5.0.1", info.GetProperty("mlnet_version").GetString());
    }

    [Fact]
    public async Task Should_say_how_many_text_encoders_were_folded_When_the_data_has_text_columns()
    {
        // Given the diabetes data with 'sex' one-hot encoded, and the breast cancer data with numeric columns only
        // When both are trained
        var text = await Files.Run("train", "--data", DataFiles.Path("diabetes.csv"), "--label", "progression", "--task", "regression",
            "--trainer", "linear", "--categorical", "sex", "--out", "text");
        var numeric = await Files.Run("train", "--data", DataFiles.Path("breast_cancer.csv"), "--label", "diagnosis", "--task", "binary",
            "--trainer", "linear", "--out", "numeric", "--output", "json");

        // Then the first says its encoder was folded, the second reports none
        Assert.True(text.Code == 0, text.Error);
        Assert.Contains("→ text/model.onnx (its text column's one-hot encoder folded into one ONNX node)", text.Output, StringComparison.Ordinal);
        Assert.Equal(0, DataFiles.Json(numeric.Output).GetProperty("folded_text_encoders").GetInt32());
    }

    [Fact]
    public async Task Should_list_valid_parameters_and_exit_2_When_a_parameter_is_unknown()
    {
        // Given / When
        var result = await Files.Run("train", "--data", DataFiles.Path("iris.csv"), "--label", "species", "--task", "multiclass", "--trainer",
            "linear", "--param", "trees=3", "--out", "m");

        // Then
        Assert.Equal(2, result.Code);
        Assert.Contains("valid: l2_regularization, l1_regularization, maximum_number_of_iterations", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("species", "regression", "error: data.csv:2: the label 'species' must be numeric for regression, found 'setosa'")]
    [InlineData("kind", "multiclass", "error: data.csv: no column 'kind'; columns: sepal_length, sepal_width, petal_length, petal_width, species")]
    public async Task Should_exit_1_with_a_clear_message_When_the_label_does_not_fit(string label, string task, string message)
    {
        // Given the iris data copied as data.csv
        File.Copy(DataFiles.Path("iris.csv"), Files.In("data.csv"));

        // When trained
        var result = await Files.Run("train", "--data", "data.csv", "--label", label, "--task", task, "--trainer", "lightgbm", "--out", "m");

        // Then
        Assert.Equal(1, result.Code);
        Assert.Equal(message, result.Error.Trim());
    }

    [Fact]
    public async Task Should_exit_1_When_the_file_is_empty()
    {
        // Given / When
        File.WriteAllText(Files.In("empty.csv"), "");
        var result = await Files.Run("train", "--data", "empty.csv", "--label", "y", "--task", "binary", "--trainer", "linear", "--out", "m");

        // Then
        Assert.Equal(1, result.Code);
        Assert.Equal("error: empty.csv: the file is empty; expected a header row", result.Error.Trim());
    }
}
