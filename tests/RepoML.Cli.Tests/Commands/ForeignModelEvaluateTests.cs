namespace RepoML.Cli.Tests.Commands;

/// <summary><c>repoml evaluate</c> on a classifier RepoML did not train (skl2onnx's shape: one [N,4] input, a label output and a ZipMap), with no model-info.json.</summary>
public sealed class ForeignModelEvaluateTests : DataFilesTests
{
    [Fact]
    public async Task Should_score_the_feature_columns_and_learn_the_class_order_When_an_sklearn_multiclass_model_has_no_model_info()
    {
        // Given the exported classifier, bare, and iris with its four measurements and species
        // When evaluated with --task and --label
        var result = await Files.Run("evaluate", TestModels.SklearnIris, "--data", DataFiles.Path("iris.csv"), "--label", "species",
            "--task", "multiclass", "--out", "m.json", "--predictions", "p.csv");

        // Then the four other columns fill its one input, the probability columns are named by the classes its label output names,
        // and every prediction is the class of the row's highest probability
        Assert.True(result.Code == 0, result.Error);
        var lines = File.ReadAllLines(Files.In("p.csv"));
        Assert.Equal("row,actual,predicted,probability_setosa,probability_versicolor,probability_virginica", lines[0]);
        Assert.Equal(151, lines.Length);
        string[] classes = ["setosa", "versicolor", "virginica"];
        foreach (var row in lines.Skip(1).Select(l => l.Split(',')))
        {
            var probabilities = row[3..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(classes[Array.IndexOf(probabilities, probabilities.Max())], row[2]);
        }

        var accuracy = DataFiles.Json(File.ReadAllText(Files.In("m.json"))).GetProperty("metrics").GetProperty("accuracy").GetDouble();
        Assert.Equal(lines.Skip(1).Count(l => l.Split(',')[1] == l.Split(',')[2]) / 150.0, accuracy, 12);
        Assert.True(accuracy > 0.9, $"accuracy {accuracy}");
    }

    [Fact]
    public async Task Should_exit_1_naming_the_columns_When_the_data_has_more_feature_columns_than_the_input_takes()
    {
        // Given iris with one more column
        File.WriteAllLines(Files.In("d.csv"), File.ReadLines(DataFiles.Path("iris.csv")).Select((l, i) => l + (i == 0 ? ",extra" : ",1")));

        // When evaluated
        var result = await Files.Run("evaluate", TestModels.SklearnIris, "--data", "d.csv", "--label", "species", "--task", "multiclass",
            "--out", "m.json");

        // Then
        Assert.Equal(1, result.Code);
        Assert.Contains("model input float_input: float[-1,4] takes 4 values per row, from the columns no input is named after; the data has 5 " +
            "(sepal_length, sepal_width, petal_length, petal_width, extra)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_exit_1_naming_both_sets_of_classes_When_the_model_names_classes_the_label_column_lacks()
    {
        // Given iris with the species as codes 0, 1, 2, which the model does not name
        File.WriteAllLines(Files.In("codes.csv"), File.ReadLines(DataFiles.Path("iris.csv"))
            .Select(l => l.Replace("setosa", "0", StringComparison.Ordinal).Replace("versicolor", "1", StringComparison.Ordinal).Replace("virginica", "2", StringComparison.Ordinal)));

        // When evaluated
        var result = await Files.Run("evaluate", TestModels.SklearnIris, "--data", "codes.csv", "--label", "species", "--task", "multiclass",
            "--out", "m.json");

        // Then it is refused instead of scored as all wrong
        Assert.Equal(1, result.Code);
        Assert.Contains("output 'label' names classes (setosa, versicolor, virginica) that the label column does not have (0, 1, 2)", result.Error,
            StringComparison.Ordinal);
    }
}
