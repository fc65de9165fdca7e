using RepoML.Onnx.Graphs;

namespace RepoML.Onnx.Tests;

public sealed class CategoricalEncoderFoldingTests
{
    private static readonly string[][] Rows = [["red"], ["blue"], ["green"], ["purple"], [""]];

    [Fact]
    public void Should_fold_the_chain_into_one_string_encoder_that_encodes_alike_When_an_mlnet_style_chain_is_given()
    {
        // Given ML.NET's four-node encoding of a text column
        var model = EncoderChainModel.Colors().Build();

        // When it is folded
        var (folded, count) = CategoricalEncoderFolding.Fold(model);

        // Then one OneHotEncoder is left, and known and unknown strings encode exactly as before
        Assert.Equal(1, count);
        Assert.Equal(4, EncoderChainModel.Nodes(model));
        Assert.Equal(1, EncoderChainModel.Nodes(folded));
        var before = Encode(model);
        Assert.Equal([/* red */ 1, 0, 0, /* blue */ 0, 0, 1, /* green */ 0, 1, 0, /* unknown */ 0, 0, 0, /* empty */ 0, 0, 0], before);
        Assert.Equal(before, Encode(folded));
    }

    private static readonly Dictionary<string, EncoderChainModel> UnfoldableChains = new()
    {
        // An unknown string's key is a category: it sets a column, which a string encoder cannot say.
        ["default key is a category"] = EncoderChainModel.Colors() with { DefaultKey = 2 },
        // Two strings share a category: a string encoder has one string a column.
        ["two strings, one key"] = EncoderChainModel.Colors() with { Values = [1, 1, 3] },
        // A category no string maps to.
        ["a category without a string"] = EncoderChainModel.Colors() with { Categories = [1, 2, 3, 4] },
        // An intermediate value is needed elsewhere: the casts must stay.
        ["intermediate is a graph output"] = EncoderChainModel.Colors() with { CastOutputIsGraphOutput = true },
    };

    public static TheoryData<string> Unfoldable() => [.. UnfoldableChains.Keys];

    [Theory]
    [MemberData(nameof(Unfoldable))]
    public void Should_leave_the_model_as_it_was_When_folding_could_change_an_answer(string why)
    {
        // Given a chain that a string encoder would not encode alike
        var model = UnfoldableChains[why].Build();

        // When folding is tried
        var (result, count) = CategoricalEncoderFolding.Fold(model);

        // Then nothing is folded, the bytes are the same and the model still runs
        Assert.True(count == 0, why);
        Assert.Same(model, result);
        Assert.NotEmpty(Encode(result));
    }

    [Fact]
    public void Should_fold_and_score_every_row_alike_When_a_real_mlnet_export_has_a_text_column()
    {
        // Given ML.NET's export of a regression model with 'sex' one-hot encoded as text, and the rows it was trained on
        var model = File.ReadAllBytes(TestData.Path("diabetes_regression_linear.onnx"));
        var (header, rows) = TestData.Csv("diabetes.csv");
        var sex = Array.IndexOf(header, "sex");
        rows.Add([.. rows[0].Select((cell, i) => i == sex ? "3" : cell)]);

        // When it is folded
        var (folded, count) = CategoricalEncoderFolding.Fold(model);

        // Then its one chain is folded and every score, the unseen value's too, is the same
        Assert.Equal(1, count);
        Assert.Equal(EncoderChainModel.Nodes(model) - 3, EncoderChainModel.Nodes(folded));
        using var before = OnnxRuntimeScorer.Load(model, fold: false);
        using var after = OnnxRuntimeScorer.Load(folded, fold: false);
        Assert.Equal(before.Score(header, rows)["Score.output"].Numbers, after.Score(header, rows)["Score.output"].Numbers);
    }

    [Fact]
    public void Should_return_the_same_bytes_When_a_model_has_no_encoder_chain()
    {
        // Given an ML.NET linear model over numeric columns only
        var model = File.ReadAllBytes(TestData.Path("iris_multiclass_linear.onnx"));

        // When folding is tried
        var (result, count) = CategoricalEncoderFolding.Fold(model);

        // Then nothing changes
        Assert.Equal(0, count);
        Assert.Same(model, result);
    }

    [Fact]
    public void Should_throw_invalid_data_When_the_bytes_are_not_a_protobuf_message()
    {
        // Given a model cut off in the middle of its graph
        var model = EncoderChainModel.Colors().Build();
        var cut = model[..(model.Length / 2)];

        // When folding is tried, then the truncation is reported
        var error = Assert.Throws<InvalidDataException>(() => CategoricalEncoderFolding.Fold(cut));
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    private static double[] Encode(byte[] model)
    {
        using var scorer = OnnxRuntimeScorer.Load(model, fold: false);
        return scorer.Score(["color"], Rows)["encoded"].Numbers!;
    }
}
