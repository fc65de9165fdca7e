namespace RepoML.Onnx.Tests;

/// <summary>An skl2onnx classifier, whose probabilities come as a ZipMap (a sequence of maps), loaded by the serving session and the table scorer.</summary>
public sealed class ZipMapExposureTests
{
    private static readonly float[] Rows = [5.1f, 3.5f, 1.4f, 0.2f, 6.7f, 3.0f, 5.2f, 2.3f];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_answer_the_probabilities_as_a_float_tensor_When_an_sklearn_classifier_zips_them_into_maps(bool stringLabels)
    {
        // Given the model in a file, as a team would drop it into its repository
        using var folder = new TempFolder("onnx");
        var path = folder.Write("model.onnx", SklearnClassifierModel.Write(stringLabels ? ["setosa", "versicolor", "virginica"] : null));

        // When it is loaded for serving and run on two rows
        using var session = OnnxServingSession.Load(path);
        var outputs = session.Run([new OnnxTensor("float_input", TensorDataType.Fp32, [2, 4], Rows)], ["label", "probability_tensor"]);

        // Then the tensor the ZipMap reads is an output of its own, one row of three probabilities per input row, whose
        // largest is the label's; the ZipMap output is still there, named as what it is
        var exposed = Assert.Single(session.Outputs, o => o.Name == "probability_tensor");
        Assert.Equal(TensorDataType.Fp32, exposed.DataType);
        Assert.Equal([-1L, 3L], exposed.Shape);
        Assert.Equal("sequence", session.Outputs.Single(o => o.Name == "output_probability").Kind);
        var probabilities = (float[])outputs[1].Data;
        Assert.Equal([2L, 3L], outputs[1].Shape);
        Assert.Equal(1.0, probabilities[..3].Sum(), 5);
        Assert.Equal(1.0, probabilities[3..].Sum(), 5);
        Assert.Equal(0, Array.IndexOf(probabilities[..3], probabilities[..3].Max()));
        Assert.Equal(2, Array.IndexOf(probabilities[3..], probabilities[3..].Max()));
        Assert.Equal(stringLabels ? new[] { "setosa", "virginica" } : (Array)new long[] { 0, 2 }, outputs[0].Data);
    }

    [Fact]
    public void Should_list_the_probability_tensor_among_outputs_When_the_table_scorer_loads_an_sklearn_classifier()
    {
        // Given
        var model = SklearnClassifierModel.Write();

        // When evaluate's scorer loads it
        using var scorer = OnnxRuntimeScorer.Load(model);

        // Then
        Assert.Contains(scorer.Signature.Outputs, o => o.Name == "probability_tensor" && o.Shape.SequenceEqual([-1L, 3L]));
    }
}
