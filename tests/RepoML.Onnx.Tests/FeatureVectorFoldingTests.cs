using RepoML.Core.Scoring;
using RepoML.Onnx.Graphs;

namespace RepoML.Onnx.Tests;

public sealed class FeatureVectorFoldingTests
{
    private static readonly string[] Columns = ["x", "color"];

    // Known and unknown categories, the empty text, an unpaired surrogate (U+FFFD once it is UTF-8, as ONNX Runtime gets
    // it), missing (NaN), negative zero and infinite numbers.
    private static readonly string[][] Rows =
    [
        ["1.5", "red"], ["", "green"], ["-0", "blue"], ["Infinity", "purple"], ["2", ""], ["3", "\uD800"], ["-7.25", "\uFFFD"], ["4", "Red"],
    ];

    [Fact]
    public void Should_build_the_same_vector_as_the_graph_When_the_vectorizer_is_taken_out()
    {
        // Given a number and a one-hot encoded text joined by a FeatureVectorizer, whose vector is the model's output
        var model = VectorizerModel.Colors().Build();

        // When it is rewritten, and scored both ways
        var folded = FeatureVectorFolding.Fold(model);
        using var asWritten = OnnxRuntimeScorer.Load(model, fold: false);
        using var vectorized = OnnxRuntimeScorer.Load(model);

        // Then the graph is left with its Identity, reading one float input, and every value of every row is the same bits
        Assert.NotNull(folded);
        Assert.Equal(1, OnnxWire.Nodes(folded.Value.Model));
        Assert.Equal(5, folded.Value.Layout.Width);
        Assert.True(vectorized.FeatureVectorFolded);
        Assert.False(asWritten.FeatureVectorFolded);
        Assert.Equal(Describe(asWritten.Signature), Describe(vectorized.Signature));
        var expected = Bits(asWritten.Score(Columns, Rows));
        Assert.Equal(expected, Bits(vectorized.Score(Columns, Rows)));
        Assert.Equal([3, /* "\uD800" is U+FFFD to the encoder */ 0, 0, 0, 1], asWritten.Score(Columns, [Rows[5]])["features"].Numbers!);
    }

    [Fact]
    public void Should_score_in_batches_alike_When_rows_span_several_runs()
    {
        // Given a scorer that runs 3 rows at a time, so the last run is shorter and the vector is refilled between runs
        var model = VectorizerModel.Colors().Build();
        using var asWritten = OnnxRuntimeScorer.Load(model, fold: false);
        using var vectorized = OnnxRuntimeScorer.Load(model, batchSize: 3);

        // When every row is scored, then every value is the same
        Assert.Equal(Bits(asWritten.Score(Columns, Rows)), Bits(vectorized.Score(Columns, Rows)));
    }

    [Fact]
    public void Should_keep_an_unread_input_in_the_signature_When_the_export_declares_the_label()
    {
        // Given ML.NET's habit: the label column declared as an input that nothing reads
        var model = (VectorizerModel.Colors() with { UnreadLabel = true }).Build();

        // When it is loaded
        using var asWritten = OnnxRuntimeScorer.Load(model, fold: false);
        using var vectorized = OnnxRuntimeScorer.Load(model);

        // Then it is still an input callers send, and its values change nothing
        Assert.True(vectorized.FeatureVectorFolded);
        Assert.Equal(Describe(asWritten.Signature), Describe(vectorized.Signature));
        Assert.Equal(Bits(asWritten.Score(["x", "color", "label"], [.. Rows.Select(r => (string[])[.. r, "good"])])),
            Bits(vectorized.Score(["x", "color", "label"], [.. Rows.Select(r => (string[])[.. r, "bad"])])));
    }

    private static readonly Dictionary<string, VectorizerModel> Unfoldable = new()
    {
        // An unknown text fails the run instead of encoding to zeros.
        ["unknown text is an error"] = VectorizerModel.Colors() with { Zeros = 0 },
        // The vectorizer pads or cuts the block: not the encoder's output as it is.
        ["block width is not the categories"] = VectorizerModel.Colors() with { ColorDimension = 3 },
        // A fixed number of rows: not the [batch, 1] column the layout writes.
        ["an input of one row only"] = VectorizerModel.Colors() with { XRows = 1 },
        // Not a column: several values a row.
        ["an input of two values a row"] = VectorizerModel.Colors() with { XWidth = 2 },
        // An input read by another node too.
        ["an input is also read elsewhere"] = VectorizerModel.Colors() with { XAlsoOutput = true },
        // The vector itself is an answer.
        ["the vector is a graph output"] = VectorizerModel.Colors() with { VectorIsOutput = true },
        // Two blocks' columns for one string: which one it sets is the encoder's choice.
        ["a category twice"] = new VectorizerModel(["red", "red", "blue"]),
    };

    public static TheoryData<string> UnfoldableCases() => [.. Unfoldable.Keys];

    [Theory]
    [MemberData(nameof(UnfoldableCases))]
    public void Should_run_the_graph_as_written_When_taking_the_vector_out_could_change_an_answer(string why)
    {
        // Given a graph where building the vector outside could answer differently
        var model = Unfoldable[why].Build();

        // When the rewrite is tried, and the model loaded for scoring
        var folded = FeatureVectorFolding.Fold(model);

        // Then nothing is rewritten, and the session reads the model's own inputs
        Assert.True(folded is null, why);
        using var scorer = OnnxRuntimeScorer.Load(model);
        Assert.False(scorer.FeatureVectorFolded);
        Assert.Contains(scorer.Signature.Inputs, i => i.Name == "color");
    }

    [Fact]
    public void Should_take_the_vector_out_and_score_every_row_alike_When_a_real_mlnet_export_has_a_text_column()
    {
        // Given ML.NET's linear regression export with 'sex' one-hot encoded, its rows, an unseen value and a missing number
        var model = File.ReadAllBytes(TestData.Path("diabetes_regression_linear.onnx"));
        var (header, rows) = TestData.Csv("diabetes.csv");
        rows.Add([.. rows[0].Select((cell, i) => header[i] == "sex" ? "3" : cell)]);
        rows.Add([.. rows[1].Select((cell, i) => header[i] == "bmi" ? "" : cell)]);

        // When it is scored as written and with its vector taken out
        using var asWritten = OnnxRuntimeScorer.Load(model, fold: false);
        using var vectorized = OnnxRuntimeScorer.Load(model);

        // Then every score is the same bits
        Assert.True(vectorized.FeatureVectorFolded);
        Assert.Equal(Bits(asWritten.Score(header, rows)), Bits(vectorized.Score(header, rows)));
    }

    private static string Describe(ModelSignature signature) => string.Join("; ", signature.Inputs) + " -> " + string.Join("; ", signature.Outputs);

    private static long[] Bits(ScoringResult result) =>
        [.. result.Outputs.SelectMany(o => o.Numbers ?? []).Select(BitConverter.DoubleToInt64Bits)];
}
