using RepoML.Workflows.Packaging;
using RepoML.Onnx;
using RepoML.Onnx.Graphs;

namespace RepoML.Workflows.Tests.Packaging;

public sealed class OnnxGraphOptimizerTests
{
    [Fact]
    public void Should_fold_text_encoders_and_keep_every_score_When_optimising_an_mlnet_export_for_an_image()
    {
        // Given an ML.NET export made outside repoml train, with its 'sex' column one-hot encoded as text
        using var files = new TempFolder("optimize");
        var original = TestData.Path("diabetes_regression_linear.onnx");
        var optimized = files["model.onnx"];

        // When packaging optimises it
        OnnxGraphOptimizer.Optimize(original, optimized);

        // Then the chain is folded in the image's model, and it scores the training rows and an unseen value as before
        Assert.Equal(1, CategoricalEncoderFolding.Fold(File.ReadAllBytes(original)).Folded);
        Assert.Equal(0, CategoricalEncoderFolding.Fold(File.ReadAllBytes(optimized)).Folded);
        var (header, rows) = TestData.Csv("diabetes.csv");
        rows.Add([.. rows[0].Select((cell, i) => header[i] == "sex" ? "3" : cell)]);
        using var before = OnnxRuntimeScorer.Load(original, fold: false);
        using var after = OnnxRuntimeScorer.Load(optimized, fold: false);
        var expected = before.Score(header, rows)["Score.output"].Numbers!;
        var actual = after.Score(header, rows)["Score.output"].Numbers!;
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4 * Math.Max(1, Math.Abs(expected[i])), $"row {i}: {expected[i]} vs {actual[i]}");
        }
    }
}
