using RepoML.Core.Scoring;
using RepoML.Onnx.Graphs;
using static RepoML.Onnx.Tests.OnnxWire;

namespace RepoML.Onnx.Tests;

/// <summary>The serving session on a model whose feature vector is built in managed code, and its runs with bound outputs.</summary>
public sealed class OnnxServingSessionVectorTests : IDisposable
{
    private static readonly (float X, string Color)[] Rows = [(1.5f, "red"), (float.NaN, "blue"), (-2, "purple"), (0, ""), (7, "\uFFFD")];
    private readonly TempFolder folder = new("vector");

    [Fact]
    public void Should_answer_as_the_graph_does_When_rows_come_as_tensors_and_as_kept_values_run_after_run()
    {
        // Given the vectorizer model served, and the same model scored as written
        var model = VectorizerModel.Colors().Build();
        using var session = OnnxServingSession.Load(Save(model));
        using var asWritten = OnnxRuntimeScorer.Load(model, fold: false);
        var expected = Rows.Select(r => asWritten.Score(["x", "color"], [[Text(r.X), r.Color]])["features"].Numbers!.Select(v => (float)v).ToArray()).ToList();

        // When all rows come as tensors in one run, and each row alone through kept values, one run after another
        var batch = (float[])session.Run([Floats("x", [.. Rows.Select(r => r.X)]), Texts("color", [.. Rows.Select(r => r.Color)])], ["features"])[0].Data;
        var single = new List<float[]>();
        OnnxBoundRun? bound = null;
        foreach (var (x, color) in Rows)
        {
            using var values = session.RentInputs([[1, 1], [1, 1]]);
            values.Write(0, new[] { x }, 0);
            values.Write(1, new[] { color }, 0);
            single.Add((float[])session.Run(values, ["features"])[0].Data);
            bound ??= values.Bound;
        }

        // Then every value is the one the graph gives, and the kept values' runs were bound after the first
        Assert.True(session.FeatureVectorFolded);
        Assert.Equal(expected.SelectMany(v => v).Select(BitConverter.SingleToInt32Bits), batch.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(expected.SelectMany(v => v).Select(BitConverter.SingleToInt32Bits), single.SelectMany(v => v).Select(BitConverter.SingleToInt32Bits));
        Assert.NotNull(bound);
    }

    public static TheoryData<string, string> BadRequests() => new()
    {
        { "unknown input", "input 'y' is not an input of the model" },
        { "input twice", "input 'x' is given twice" },
        { "input missing", "model input 'color' is missing" },
        { "wrong type", "input 'x' is Fp64 [1,1]; the model takes Fp32 [-1,1]" },
        { "not a column", "input 'x' is Fp32 [1]; the model takes Fp32 [-1,1]" },
        { "rows differ", "inputs have different numbers of rows: x 2, color 1" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Should_refuse_with_a_scoring_input_error_When_tensors_do_not_fit_the_inputs(string why, string message)
    {
        // Given the vectorizer model served
        using var session = OnnxServingSession.Load(Save(VectorizerModel.Colors().Build()));
        OnnxTensor[] request = why switch
        {
            "unknown input" => [Floats("x", [1]), Texts("color", ["red"]), Floats("y", [1])],
            "input twice" => [Floats("x", [1]), Floats("x", [1]), Texts("color", ["red"])],
            "input missing" => [Floats("x", [1])],
            "wrong type" => [new OnnxTensor("x", TensorDataType.Fp64, [1, 1], new double[] { 1 }), Texts("color", ["red"])],
            "not a column" => [new OnnxTensor("x", TensorDataType.Fp32, [1], new float[] { 1 }), Texts("color", ["red"])],
            _ => [Floats("x", [1, 2]), Texts("color", ["red"])],
        };

        // When it is run, then the request is refused with what is wrong, as a scoring input error
        var error = Assert.Throws<ScoringInputException>(() => session.Run(request, ["features"]));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_run_unbound_and_answer_rightly_When_an_output_changes_shape_with_the_data()
    {
        // Given a model whose output's shape depends on the values (NonZero: the positions of non-zero values)
        List<ProtoField> graph =
        [
            ProtoField.OfBytes(1, Graphs.OnnxNode.Write("nonzero", "NonZero", "", ["x"], ["positions"], [])),
            ProtoField.OfText(2, "nonzero"),
            ProtoField.OfBytes(11, Value("x", 1, [null, 1])),
            ProtoField.OfBytes(12, Value("positions", 7, [2, null])),
        ];
        using var session = OnnxServingSession.Load(Save(Model(graph)));

        // When the same kept values run with a non-zero, then twice with a zero (after the first run bound the outputs)
        long[] Positions(float x)
        {
            using var values = session.RentInputs([[1, 1]]);
            values.Write(0, new[] { x }, 0);
            return (long[])session.Run(values, ["positions"])[0].Data;
        }

        var nonZero = Positions(5);
        var zero = Positions(0);
        var zeroAgain = Positions(0);
        var nonZeroAgain = Positions(3);

        // Then each answer is right, the bound run's failure is not the caller's, and these values are no longer bound
        using var kept = session.RentInputs([[1, 1]]);
        Assert.True(kept.Unbindable);
        Assert.Null(kept.Bound);
        Assert.Equal([0, 0], nonZero);
        Assert.Empty(zero);
        Assert.Empty(zeroAgain);
        Assert.Equal([0, 0], nonZeroAgain);
    }

    [Fact]
    public void Should_answer_each_row_When_bound_runs_read_a_string_tensor_refilled_between_runs()
    {
        // Given a model with a string input and no vectorizer (one text column one-hot encoded), which keeps its string tensor
        var model = EncoderChainModel.Colors().Build();
        using var session = OnnxServingSession.Load(Save(model));
        using var asWritten = OnnxRuntimeScorer.Load(model, fold: false);
        string[] colors = ["red", "blue", "unknown", "green", "red"];

        // When each color runs alone through the same kept values, bound after the first run
        var answers = colors.Select(color =>
        {
            using var values = session.RentInputs([[1, 1]]);
            values.Write(0, new[] { color }, 0);
            return (float[])session.Run(values, ["encoded"])[0].Data;
        }).ToList();

        // Then each answer is that color's, not an earlier run's
        Assert.False(session.FeatureVectorFolded);
        Assert.Equal(colors.Select(c => asWritten.Score(["color"], [[c]])["encoded"].Numbers!.Select(v => (float)v)), answers);
    }

    [Fact]
    public void Should_keep_a_rows_input_set_When_inputs_of_other_shapes_are_asked_for_between_its_runs()
    {
        // Given a feature-vector session whose one-row input set was rented and given back
        using var session = OnnxServingSession.Load(Save(VectorizerModel.Colors().Build()));
        var first = session.RentInputs([[1, 1], [1, 1]]);
        first.Dispose();

        // When shapes that are not [rows, 1] columns, and two rows, are asked for before one row again
        Assert.Throws<ScoringInputException>(() => session.RentInputs([[1, 1], [1, 2]]));
        var mismatched = Assert.Throws<ScoringInputException>(() => session.RentInputs([[1, 1], [2, 1]]));
        Assert.Contains("[1,1], [2,1] are not one [rows, 1] column each with the same rows", mismatched.Message, StringComparison.Ordinal);
        using var two = session.RentInputs([[2, 1], [2, 1]]);
        using var again = session.RentInputs([[1, 1], [1, 1]]);

        // Then the one-row set was neither handed to the others nor thrown away: the next one-row run gets it back
        Assert.True(session.FeatureVectorFolded);
        Assert.NotSame(first, two);
        Assert.Same(first, again);
        Assert.True(two.Fits([[2, 1], [2, 1]]));
        Assert.False(two.Fits([[1, 1], [1, 1]]));
    }

    public void Dispose() => folder.Dispose();

    private string Save(byte[] model) => folder.Write($"model-{Guid.NewGuid():N}.onnx", model);

    private static OnnxTensor Floats(string name, float[] values) => new(name, TensorDataType.Fp32, [values.Length, 1], values);

    private static OnnxTensor Texts(string name, string[] values) => new(name, TensorDataType.Bytes, [values.Length, 1], values);

    private static string Text(float x) => float.IsNaN(x) ? "" : x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
