namespace RepoML.Serving.Tests.Support;

/// <summary>Files of the repository the tests use (real ONNX models from tests/TestData).</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = global::RepoML.Tests.Shared.RepositoryRoot.Path;

    /// <summary>ML.NET multiclass model: four float inputs (sepal_length…petal_width), PredictedLabel.output and Score.output.</summary>
    public static string IrisModel => TestData.Path("iris_multiclass_linear.onnx");

    /// <summary>ML.NET regression model: nine float inputs and a string input <c>sex</c>.</summary>
    public static string DiabetesModel => TestData.Path("diabetes_regression_linear.onnx");

    /// <summary>A test scorer project folder under tests/TestData/scorers (IrisOnnxScorer, FailingScorer).</summary>
    public static string Scorer(string name) => Path.Combine(TestData.Folder, "scorers", name);
}
