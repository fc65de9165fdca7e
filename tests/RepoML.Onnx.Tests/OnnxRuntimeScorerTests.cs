using System.Globalization;
using RepoML.Core.Scoring;

namespace RepoML.Onnx.Tests;

public sealed class OnnxRuntimeScorerTests
{
    private static readonly string[] IrisColumns = ["sepal_length", "sepal_width", "petal_length", "petal_width"];

    [Fact]
    public void Should_expose_inputs_named_after_feature_columns_When_loading_an_mlnet_export()
    {
        // Given the iris model exported by repoml train
        // When it is loaded
        using var scorer = OnnxRuntimeScorer.Load(TestData.Path("iris_multiclass_linear.onnx"));

        // Then each feature column is one float input of shape [-1,1], and the prediction outputs are typed
        Assert.Equal(IrisColumns, scorer.Signature.Inputs.Select(i => i.Name));
        Assert.All(scorer.Signature.Inputs, i => Assert.Equal(new ModelTensor(i.Name, TensorElementKind.Float, [-1, 1]).ToString(), i.ToString()));
        Assert.Equal(TensorElementKind.String, scorer.Signature.FindOutput("PredictedLabel.output")!.ElementKind);
        Assert.Equal([-1L, 3L], scorer.Signature.FindOutput("Score.output")!.Shape);
    }

    [Fact]
    public void Should_map_columns_by_name_When_the_table_has_other_columns_in_another_order()
    {
        // Given the same rows laid out in two column orders, one with an extra column
        using var scorer = OnnxRuntimeScorer.Load(TestData.Path("iris_multiclass_linear.onnx"));
        string[][] rows = [["5.1", "3.5", "1.4", "0.2"], ["6.7", "3.0", "5.2", "2.3"], ["5.9", "3.0", "4.2", "1.5"]];
        string[] shuffledColumns = ["id", "petal_width", "sepal_length", "petal_length", "sepal_width"];
        var shuffled = rows.Select((r, i) => new[] { i.ToString(CultureInfo.InvariantCulture), r[3], r[0], r[2], r[1] }).ToArray();

        // When both are scored
        var plain = scorer.Score(IrisColumns, rows);
        var byName = scorer.Score(shuffledColumns, shuffled);

        // Then the results are identical and the classes are the expected species
        Assert.Equal(plain["Score.output"].Numbers, byName["Score.output"].Numbers);
        Assert.Equal(["setosa", "virginica", "versicolor"], byName["PredictedLabel.output"].Strings!);
    }

    [Fact]
    public void Should_give_the_same_results_When_rows_span_several_batches()
    {
        // Given all 150 iris rows and a scorer with batches of 7 rows
        var rows = File.ReadLines(TestData.Path("iris.csv")).Skip(1).Select(l => l.Split(',')[..4]).ToArray();
        using var batched = OnnxRuntimeScorer.Load(File.ReadAllBytes(TestData.Path("iris_multiclass_linear.onnx")), batchSize: 7);
        using var whole = OnnxRuntimeScorer.Load(TestData.Path("iris_multiclass_linear.onnx"));

        // When both score the table
        var a = batched.Score(IrisColumns, rows);
        var b = whole.Score(IrisColumns, rows);

        // Then every output matches row for row
        Assert.Equal(150, a.Rows);
        Assert.Equal(b["Score.output"].Numbers, a["Score.output"].Numbers);
        Assert.Equal(b["PredictedLabel.output"].Strings, a["PredictedLabel.output"].Strings);
        Assert.Equal(3, a["Score.output"].RowWidth);
    }

    [Fact]
    public void Should_fill_string_inputs_When_a_feature_is_categorical()
    {
        // Given the diabetes model whose 'sex' input is a string category
        using var scorer = OnnxRuntimeScorer.Load(TestData.Path("diabetes_regression_linear.onnx"));
        var header = File.ReadLines(TestData.Path("diabetes.csv")).First().Split(',');
        var rows = File.ReadLines(TestData.Path("diabetes.csv")).Skip(1).Take(5).Select(l => l.Split(',')).ToArray();

        // When rows are scored
        var result = scorer.Score(header, rows, ["Score.output"]);

        // Then the string input is accepted and each row gets one finite prediction
        Assert.Equal(TensorElementKind.String, scorer.Signature.FindInput("sex")!.ElementKind);
        Assert.Equal(5, result["Score.output"].Numbers!.Length);
        Assert.All(result["Score.output"].Numbers!, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Should_name_the_missing_input_When_a_column_is_absent()
    {
        // Given a table without petal_width
        using var scorer = OnnxRuntimeScorer.Load(TestData.Path("iris_multiclass_linear.onnx"));

        // When it is scored / Then the error names the input
        var error = Assert.Throws<ScoringInputException>(() => scorer.Score(IrisColumns[..3], [["1", "2", "3"]]));
        Assert.Contains("'petal_width'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_row_and_column_When_a_cell_is_not_a_number()
    {
        // Given a non-numeric cell in the second row
        using var scorer = OnnxRuntimeScorer.Load(TestData.Path("iris_multiclass_linear.onnx"));

        // When it is scored / Then the message says where
        var error = Assert.Throws<ScoringInputException>(() => scorer.Score(IrisColumns, [["1", "2", "3", "4"], ["1", "two", "3", "4"]]));
        Assert.Equal("row 1, column 'sepal_width': 'two' is not a number", error.Message);
    }

    [Fact]
    public void Should_refuse_clearly_When_the_file_is_not_a_model()
    {
        // Given bytes that are not ONNX / When loaded / Then a scoring input error, not a native crash
        Assert.Throws<ScoringInputException>(() => OnnxRuntimeScorer.Load("not a model"u8.ToArray()));
    }
}
