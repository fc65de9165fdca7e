using System.Globalization;
using RepoML.Core.Scoring;
using RepoML.Training.Evaluation;

namespace RepoML.Training.Tests;

public sealed class MlNetTrainerTests
{
    private const string Mixed =
        "size,color,flag\n1.5,red,yes\n2.0,blue,no\n0.5,red,yes\n3.0,green,no\n2.5,blue,no\n0.7,red,yes\n1.1,green,yes\n2.9,blue,no\n";

    [Fact]
    public void Should_infer_numeric_and_categorical_features_When_roles_are_not_declared()
    {
        // Given a numeric and a text column
        var table = CsvTable.Parse(new StringReader(Mixed), "mixed.csv");

        // When roles are inferred
        var schema = TrainingSchema.Infer(table, MlTask.Binary, "flag");

        // Then text is categorical with categories in first-seen order and yes is the positive class
        Assert.Equal([new FeatureColumn("size", FeatureEncoding.Numeric)], schema.Features.Take(1));
        Assert.Equal(["red", "blue", "green"], schema.Features[1].Categories!);
        Assert.Equal(["no", "yes"], schema.Classes);
    }

    [Fact]
    public void Should_export_a_string_input_per_categorical_column_When_training_with_categories()
    {
        // Given a table with a categorical column
        var table = CsvTable.Parse(new StringReader(Mixed), "mixed.csv");

        // When a linear model is trained
        var model = MlNetTrainer.Train(table, new TrainingRequest(MlTask.Binary, TrainerKind.Linear, "flag"));

        // Then the ONNX inputs are the feature columns with their types, and outputs are documented names
        using var scorer = OnnxRuntimeScorer.Load(model.Onnx);
        Assert.Equal(["size: float[-1,1]", "color: string[-1,1]"], scorer.Signature.Inputs.Select(i => i.ToString()));
        Assert.Equal(new ModelOutputNames("PredictedLabel.output", "Score.output", "Probability.output"), model.Info.Outputs);
    }

    [Fact]
    public void Should_produce_identical_models_When_trained_twice_with_the_same_seed()
    {
        // Given the breast cancer data
        var table = CsvTable.Load(TestData.Path("breast_cancer.csv"));
        var request = new TrainingRequest(MlTask.Binary, TrainerKind.LightGbm, "diagnosis", Parameters: ["number_of_trees=10"], Seed: 3);

        // When trained twice
        var a = MlNetTrainer.Train(table, request);
        var b = MlNetTrainer.Train(table, request);

        // Then the ONNX files are byte-identical
        Assert.Equal(a.Onnx, b.Onnx);
    }

    [Fact]
    public void Should_recompute_the_same_metrics_from_the_predictions_file_When_evaluating()
    {
        // Given a binary model and its evaluation on held-out rows
        var table = CsvTable.Load(TestData.Path("breast_cancer.csv"));
        var (train, test) = DataSplitter.Split(table.Rows.Count, 0.3, 1);
        var model = MlNetTrainer.Train(table.Select(train), new TrainingRequest(MlTask.Binary, TrainerKind.FastTree, "diagnosis",
            Parameters: ["number_of_trees=10"]));
        using var scorer = OnnxRuntimeScorer.Load(model.Onnx);
        var result = ModelEvaluator.Evaluate(scorer, table.Select(test), EvaluationTarget.FromInfo(model.Info));

        // When the predictions CSV is written and its columns fed back to the metric code
        var writer = new StringWriter();
        PredictionsCsv.Write(writer, result);
        var rows = CsvTable.Parse(new StringReader(writer.ToString()), "predictions.csv");
        var recomputed = BinaryMetrics.Compute(
            [.. rows.Rows.Select(r => r[1] == "malignant")],
            [.. rows.Rows.Select(r => double.Parse(r[3], CultureInfo.InvariantCulture))],
            [.. rows.Rows.Select(r => r[2] == "malignant")]);

        // Then the file holds every row and reproduces the metrics exactly
        Assert.Equal(["row", "actual", "predicted", "probability", "score"], rows.Header);
        Assert.Equal(test.Length, rows.Rows.Count);
        Assert.Equal(result.Metrics, recomputed.ToDictionary());
        Assert.True(result.Metrics[MetricNames.RocAuc] > 0.9);
    }

    [Fact]
    public void Should_name_the_line_When_a_regression_label_is_not_numeric()
    {
        // Given a text label on line 2
        var table = CsvTable.Parse(new StringReader("size,flag\n1,yes\n2,no\n"), "d.csv");

        // When trained for regression / Then the error points at the cell
        var error = Assert.Throws<TrainingDataException>(() => MlNetTrainer.Train(table, new TrainingRequest(MlTask.Regression,
            TrainerKind.Linear, "flag")));
        Assert.Equal("d.csv:2: the label 'flag' must be numeric for regression, found 'yes'", error.Message);
    }

    [Fact]
    public void Should_keep_a_column_numeric_When_its_missing_cells_are_spelled_NA_nan_or_null()
    {
        // Given a numeric column whose missing cells are written as pandas, R and databases write them
        string[] spellings = ["NA", "nan", "null", "N/A", "", " NaN "];
        var csv = "x,flag\n" + string.Concat(Enumerable.Range(0, 60).Select(i =>
            $"{(i % 5 == 0 ? spellings[i / 5 % spellings.Length] : (i % 2 * 3 + i * 0.01).ToString(CultureInfo.InvariantCulture))},{(i % 2 == 0 ? "no" : "yes")}\n"));
        var table = CsvTable.Parse(new StringReader(csv), "na.csv");

        // When a model is trained on it (and scores those rows, spellings included, for its training metrics)
        var model = MlNetTrainer.Train(table, new TrainingRequest(MlTask.Binary, TrainerKind.Linear, "flag"));

        // Then x is one float input, not a one-hot of every number and spelling, and every row was scored
        Assert.Equal([new FeatureColumn("x", FeatureEncoding.Numeric)], model.Info.Features);
        Assert.Equal(60, model.TrainingEvaluation.Rows);
        Assert.True(model.TrainingEvaluation.Metrics[MetricNames.Accuracy] >= 0.85); // all but some of the 12 missing rows
    }

    [Theory]
    [InlineData(TrainerKind.FastTree)]
    [InlineData(TrainerKind.LightGbm)]
    [InlineData(TrainerKind.Linear)]
    public void Should_learn_from_rows_with_missing_numbers_When_training(TrainerKind trainer)
    {
        // Given x that separates the classes, and z that is missing in every "yes" row (a trainer that skips rows with a
        // missing feature never sees a "yes")
        var csv = "x,z,flag\n" + string.Concat(Enumerable.Range(0, 80).Select(i =>
            i % 2 == 0 ? $"{i % 7},{i % 5},no\n" : $"{10 + i % 7},,yes\n"));
        var table = CsvTable.Parse(new StringReader(csv), "holes.csv");

        // When trained
        var model = MlNetTrainer.Train(table, new TrainingRequest(MlTask.Binary, trainer, "flag",
            Parameters: trainer == TrainerKind.Linear ? [] : ["number_of_trees=10", "min_example_count_per_leaf=2"]));

        // Then every row counted: the training rows are classified by x
        Assert.Equal(1, model.TrainingEvaluation.Metrics[MetricNames.Accuracy]);
    }

    [Fact]
    public void Should_train_When_a_numeric_column_is_empty_in_every_row()
    {
        // Given a column with no values at all (an export's placeholder)
        var csv = "x,empty,flag\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i},,{(i < 20 ? "no" : "yes")}\n"));

        // When trained with the default trainer / Then it trains on x
        var model = MlNetTrainer.Train(CsvTable.Parse(new StringReader(csv), "empty.csv"), new TrainingRequest(MlTask.Binary,
            TrainerKind.FastTree, "flag", Parameters: ["number_of_trees=5", "min_example_count_per_leaf=2"]));
        Assert.Equal(1, model.TrainingEvaluation.Metrics[MetricNames.Accuracy]);
    }

    [Fact]
    public void Should_leave_out_an_unnamed_empty_column_When_rows_end_with_a_comma()
    {
        // Given a spreadsheet export whose header and rows end with a comma: a fifth column with no name and no values
        var table = CsvTable.Parse(new StringReader(Mixed.Replace("\n", ",\n", StringComparison.Ordinal)), "export.csv");

        // When the roles are inferred / Then the unnamed column is no feature
        Assert.Equal(["size", "color"], TrainingSchema.Infer(table, MlTask.Binary, "flag").Features.Select(f => f.Name));
    }

    [Fact]
    public void Should_name_the_column_When_a_column_with_values_has_no_name()
    {
        // Given values under an empty header cell
        var table = CsvTable.Parse(new StringReader("a,,flag\n1,2,yes\n3,4,no\n"), "d.csv");

        // When / Then the error says which column, instead of ML.NET's "Value cannot be null"
        var error = Assert.Throws<TrainingDataException>(() => TrainingSchema.Infer(table, MlTask.Binary, "flag"));
        Assert.Equal("d.csv: column 2 has no name in the header; name it, or list the features to train on", error.Message);
    }

    [Fact]
    public void Should_name_the_file_and_line_When_a_cell_of_the_evaluated_data_cannot_be_scored()
    {
        // Given a model of size and color, and data whose third row (line 4) has text where size goes, and data without size
        var model = MlNetTrainer.Train(CsvTable.Parse(new StringReader(Mixed), "mixed.csv"), new TrainingRequest(MlTask.Binary,
            TrainerKind.Linear, "flag"));
        using var scorer = OnnxRuntimeScorer.Load(model.Onnx);
        var bad = CsvTable.Parse(new StringReader("size,color,flag\n1.5,red,yes\n2.0,blue,no\nbig,red,yes\n"), "test.csv");
        var narrow = CsvTable.Parse(new StringReader("color,flag\nred,yes\n"), "narrow.csv");

        // When evaluated / Then the errors point into the files
        var error = Assert.Throws<ScoringInputException>(() => ModelEvaluator.Evaluate(scorer, bad, EvaluationTarget.FromInfo(model.Info)));
        Assert.Equal("test.csv:4: column 'size': 'big' is not a number", error.Message);
        error = Assert.Throws<ScoringInputException>(() => ModelEvaluator.Evaluate(scorer, narrow, EvaluationTarget.FromInfo(model.Info)));
        Assert.StartsWith("narrow.csv: the data has no column for model input(s) 'size'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_quote_the_label_values_and_name_the_file_When_a_binary_label_has_three()
    {
        // Given yes/no labels where one "no" has a trailing space
        var table = CsvTable.Parse(new StringReader("x,flag\n1,yes\n2,no\n3,no \n"), "d.csv");

        // When inferred for a binary task / Then the message shows where and why: "no" and "no " differ
        var error = Assert.Throws<TrainingDataException>(() => TrainingSchema.Infer(table, MlTask.Binary, "flag"));
        Assert.Equal("d.csv: a binary task needs exactly two values in 'flag', found 3: 'no', 'no ', 'yes'", error.Message);
    }
}
