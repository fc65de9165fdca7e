using RepoML.Core.Scoring;

namespace RepoML.Onnx.Tests;

public sealed class OnnxServingSessionLoadTests
{
    [Fact]
    public void Should_fold_text_encoders_at_load_When_serving_an_unfolded_mlnet_export()
    {
        // Given ML.NET's export with one one-hot text column, and one with numeric columns only
        // When both are loaded for serving
        using var text = OnnxServingSession.Load(TestData.Path("diabetes_regression_linear.onnx"));
        using var numeric = OnnxServingSession.Load(TestData.Path("iris_multiclass_linear.onnx"));

        // Then the text column's chain is folded, as packaging folds it for the image, and the inputs are unchanged
        Assert.Equal(1, text.FoldedTextEncoders);
        Assert.True(text.FeatureVectorFolded);
        Assert.Equal(0, numeric.FoldedTextEncoders);
        Assert.Equal(TensorDataType.Bytes, text.Inputs.Single(i => i.Name == "sex").DataType);
    }

    [Fact]
    public void Should_fold_by_default_and_not_when_asked_When_a_table_scorer_loads_an_unfolded_export()
    {
        // Given ML.NET's export with one one-hot text column
        var path = TestData.Path("diabetes_regression_linear.onnx");

        // When it is loaded for table scoring (evaluate, compare, batch), by default and as written
        using var folded = OnnxRuntimeScorer.Load(path);
        using var asWritten = OnnxRuntimeScorer.Load(File.ReadAllBytes(path), fold: false);

        // Then only the default folds it
        Assert.Equal(1, folded.FoldedTextEncoders);
        Assert.Equal(0, asWritten.FoldedTextEncoders);
        Assert.True(folded.FeatureVectorFolded);
        Assert.False(asWritten.FeatureVectorFolded);
    }

    [Fact]
    public void Should_build_the_feature_vector_in_managed_code_When_serving_a_model_packaging_optimised_offline()
    {
        // Given ML.NET's export with a text column as packaging writes it: folded, then saved by ONNX Runtime's offline
        // optimisation (extended level), which keeps the model's own inputs
        using var folder = new TempFolder("onnx");
        var optimized = folder["model.onnx"];
        using (var options = new Microsoft.ML.OnnxRuntime.SessionOptions
        {
            GraphOptimizationLevel = Microsoft.ML.OnnxRuntime.GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
            OptimizedModelFilePath = optimized,
            LogSeverityLevel = Microsoft.ML.OnnxRuntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
        })
        {
            Graphs.FoldedSession.Open(TestData.Path("diabetes_regression_linear.onnx"), options).Session.Dispose();
        }

        // When the image's server loads it
        using var session = OnnxServingSession.Load(optimized);

        // Then its vector is still built outside the graph, and callers still send one input per column
        Assert.True(session.FeatureVectorFolded);
        Assert.Equal(10, session.Inputs.Count);
        Assert.Equal(TensorDataType.Bytes, session.Inputs.Single(i => i.Name == "sex").DataType);
    }

    [Fact]
    public void Should_throw_a_scoring_input_error_When_the_model_file_does_not_exist()
    {
        // Given a path with no file, when it is loaded, then ONNX Runtime's error comes as a scoring input error
        using var folder = new TempFolder("onnx");
        var path = folder["missing/model.onnx"];
        var error = Assert.Throws<ScoringInputException>(() => OnnxServingSession.Load(path));
        Assert.StartsWith("model.onnx is not a model ONNX Runtime can load: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_throw_a_scoring_input_error_naming_the_file_When_it_is_not_a_model()
    {
        // Given a file of text named model.onnx
        using var folder = new TempFolder("onnx");
        var path = folder.Write("model.onnx", "this is not a model\n");

        // When it is loaded, then the error names the file
        var error = Assert.Throws<ScoringInputException>(() => OnnxServingSession.Load(path));
        Assert.StartsWith("model.onnx is not a model ONNX Runtime can load: ", error.Message, StringComparison.Ordinal);
    }
}
