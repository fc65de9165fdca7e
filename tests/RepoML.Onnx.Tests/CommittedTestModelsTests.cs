namespace RepoML.Onnx.Tests;

/// <summary>The models in tests/TestData that the writers here write, for the tests of other projects, which cannot reach the writer.</summary>
public sealed class CommittedTestModelsTests
{
    [Theory]
    [InlineData("sklearn_iris_classifier.onnx")]
    [InlineData("token_sequence_sum.onnx")]
    public void Should_be_the_committed_test_model_When_the_writer_writes_it(string file)
    {
        // Given the copy in tests/TestData that the CLI and serving tests use (REPOML_WRITE_TEST_MODELS=1 rewrites it)
        var committed = Path.Combine(TestData.Folder, file);
        var written = file.StartsWith("sklearn", StringComparison.Ordinal) ? SklearnClassifierModel.Write(["setosa", "versicolor", "virginica"])
            : TokenSequenceModel.Write();
        if (Environment.GetEnvironmentVariable("REPOML_WRITE_TEST_MODELS") == "1")
        {
            File.WriteAllBytes(committed, written);
        }

        // Then it is what the writer writes
        Assert.Equal(written, File.ReadAllBytes(committed));
    }
}
