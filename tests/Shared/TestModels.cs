namespace RepoML.Tests.Shared;

/// <summary>The tiny ONNX models in tests/TestData that tests register, serve and score, by what they are.</summary>
internal static class TestModels
{
    /// <summary>A multiclass linear model over the four iris measurements (what the sample endpoints serve in tests).</summary>
    public static string Iris => TestData.Path("iris_multiclass_linear.onnx");

    /// <summary>A linear regression over the diabetes features: a valid model whose inputs the iris endpoints do not match.</summary>
    public static string Diabetes => TestData.Path("diabetes_regression_linear.onnx");

    /// <summary>A classifier as skl2onnx exports one: one [N,4] float input, <c>label</c> (string) and a ZipMap of its probabilities.</summary>
    public static string SklearnIris => TestData.Path("sklearn_iris_classifier.onnx");

    /// <summary>A text model's interface: <c>input_ids</c> and <c>attention_mask</c> int64 [batch, sequence] → <c>total</c> [batch], the sum of the kept ids.</summary>
    public static string TokenSequence => TestData.Path("token_sequence_sum.onnx");
}
