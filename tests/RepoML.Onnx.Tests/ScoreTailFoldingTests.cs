using Microsoft.ML.OnnxRuntime;
using RepoML.Core.Scoring;
using RepoML.Onnx.Graphs;
using static RepoML.Onnx.Tests.OnnxWire;

namespace RepoML.Onnx.Tests;

/// <summary>
/// The nodes after a score, computed in managed code by the serving session: every output must be the bits ONNX Runtime
/// gives running them as written, extreme and missing scores included, and a graph whose tail is not known stays whole.
/// </summary>
public sealed class ScoreTailFoldingTests : IDisposable
{
    private static readonly float[] Scores = [.. MlasLogistic.ProbeInputs().Where(x => !float.IsNaN(x))];
    private readonly TempFolder folder = new("tail");

    [Fact]
    public void Should_give_onnx_runtimes_sigmoid_bits_When_the_logistic_is_computed_in_managed_code()
    {
        // Given inputs across the polynomial's range, the clamps, extremes, NaN, and random floats of every exponent
        var random = new Random(20);
        float[] inputs = [.. MlasLogistic.ProbeInputs(), .. Enumerable.Range(0, 20_000).Select(_ => BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue)))];

        // When ONNX Runtime's Sigmoid and the matching managed variant compute them
        var expected = MlasLogistic.OnnxRuntimeSigmoid(inputs);
        var logistic = MlasLogistic.Matching;

        // Then a variant matches here, and gives every bit
        Assert.NotNull(logistic);
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), inputs.Select(x => BitConverter.SingleToInt32Bits(logistic(x))));
    }

    [Fact]
    public void Should_answer_every_output_as_the_graph_does_When_the_tail_after_the_score_is_taken_out()
    {
        // Given a binary classifier's tail, as ML.NET exports it, after a score (here Neg of the input)
        var model = TailModel();
        using var session = OnnxServingSession.Load(Save(model));
        using var asWritten = new InferenceSession(model);

        // When every score runs through the served session (in one run and a row at a time) and through the graph as written
        string[] outputs = ["PredictedLabel.output", "Probability.output", "Probability.again"];
        var batch = session.Run([new OnnxTensor("x", TensorDataType.Fp32, [Scores.Length, 1], Scores)], outputs);
        using var input = OrtValue.CreateTensorValueFromMemory(Scores, [Scores.Length, 1]);
        using var expected = asWritten.Run(new RunOptions(), ["x"], [input], outputs);
        var single = Scores.Take(50).Select(x =>
        {
            using var values = session.RentInputs([[1, 1]]);
            values.Write(0, new[] { x }, 0);
            return session.Run(values, outputs);
        }).ToList();

        // Then the tail was taken out, the signature is the model's, and every value is the same bits
        Assert.True(session.ScoreTailFolded);
        Assert.Equal(["PredictedLabel.output:Bool", "Probability.output:Float", "Probability.again:Float"],
            session.Signature.Outputs.Select(o => $"{o.Name}:{o.ElementKind}"));
        Assert.Equal(expected[0].GetTensorDataAsSpan<bool>().ToArray(), (bool[])batch[0].Data);
        Assert.Equal(Bits(expected[1].GetTensorDataAsSpan<float>().ToArray()), Bits((float[])batch[1].Data));
        Assert.Equal(Bits((float[])batch[1].Data), Bits((float[])batch[2].Data));
        Assert.NotSame(batch[1].Data, batch[2].Data);
        Assert.Equal(Bits(expected[1].GetTensorDataAsSpan<float>()[..50].ToArray()), single.SelectMany(s => Bits((float[])s[1].Data)));
        Assert.Equal([Scores.Length, 1], batch[1].Shape);
    }

    [Fact]
    public void Should_keep_each_runs_answers_When_later_rows_run_through_the_same_kept_inputs()
    {
        // Given the tail served with the score itself as an output too (a copy step), and the graph as written
        var model = TailModel(scoreCopy: true);
        using var session = OnnxServingSession.Load(Save(model));
        using var asWritten = new InferenceSession(model);
        string[] outputs = ["Score.output", "Probability.output", "PredictedLabel.output"];
        var scores = Scores.Take(20).ToArray();

        // When one row after another runs through the one kept input set (bound from its second run on), all answers kept
        var answers = scores.Select(x =>
        {
            using var values = session.RentInputs([[1, 1]]);
            values.Write(0, new[] { x }, 0);
            return session.Run(values, outputs);
        }).ToList();
        using var input = OrtValue.CreateTensorValueFromMemory(scores, [scores.Length, 1]);
        using var expected = asWritten.Run(new RunOptions(), ["x"], [input], outputs);

        // Then every earlier answer still holds its own row's bits: no answer is a buffer that a later run wrote over
        Assert.True(session.ScoreTailFolded);
        Assert.Equal(Bits(expected[0].GetTensorDataAsSpan<float>().ToArray()), answers.SelectMany(a => Bits((float[])a[0].Data)));
        Assert.Equal(Bits(expected[1].GetTensorDataAsSpan<float>().ToArray()), answers.SelectMany(a => Bits((float[])a[1].Data)));
        Assert.Equal(expected[2].GetTensorDataAsSpan<bool>().ToArray(), answers.SelectMany(a => (bool[])a[2].Data));
        Assert.Equal(scores.Length, answers.Select(a => a[0].Data).Distinct().Count());
    }

    [Fact]
    public void Should_fail_every_run_as_the_graph_does_When_a_score_is_nan()
    {
        // Given the tail served, and a score that is NaN (Binarizer refuses NaN, and ONNX Runtime runs it whatever is asked for)
        var model = TailModel();
        using var session = OnnxServingSession.Load(Save(model));
        using var asWritten = new InferenceSession(model);
        var nan = new OnnxTensor("x", TensorDataType.Fp32, [1, 1], new[] { float.NaN });
        using var input = OrtValue.CreateTensorValueFromMemory(new[] { float.NaN }, [1, 1]);

        // When the probability alone is asked for, then the label, then an output the model does not have
        // Then each fails as a scoring input error, as the graph's own runs fail
        Assert.Throws<OnnxRuntimeException>(() => asWritten.Run(new RunOptions(), ["x"], [input], ["Probability.output"]).Dispose());
        Assert.Throws<OnnxRuntimeException>(() => asWritten.Run(new RunOptions(), ["x"], [input], ["PredictedLabel.output"]).Dispose());
        Assert.Contains("is NaN", Assert.Throws<ScoringInputException>(() => session.Run([nan], ["Probability.output"])).Message, StringComparison.Ordinal);
        Assert.Throws<ScoringInputException>(() => session.Run([nan], ["PredictedLabel.output"]));
        Assert.Contains("no output 'Score'", Assert.Throws<ScoringInputException>(() => session.Run([nan], ["Score"])).Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Unfoldable() => ["threshold not written", "constant is an input", "constant of two values", "output read inside"];

    [Theory]
    [MemberData(nameof(Unfoldable))]
    public void Should_leave_the_graph_whole_When_a_node_of_the_tail_might_answer_otherwise(string why)
    {
        // Given a tail with one thing that makes its bits unknown here
        var model = why switch
        {
            "threshold not written" => TailModel(thresholdAttribute: false),
            "constant is an input" => TailModel(slopeIsInput: true),
            "constant of two values" => TailModel(slope: [2f, 3f]),
            _ => TailModel(scoreIsOutput: true),
        };

        // When it is rewritten, and served
        var folded = ScoreTailFolding.Fold(model);
        using var session = OnnxServingSession.Load(Save(model));

        // Then it runs as written
        Assert.Null(folded);
        Assert.False(session.ScoreTailFolded);
    }

    public void Dispose() => folder.Dispose();

    /// <summary>
    /// x → Neg → Score; Score × Slope + Offset → Sigmoid → Probability; Binarizer(Score) → Cast to bool → PredictedLabel;
    /// an Identity to each output (Probability twice), as ML.NET writes them.
    /// </summary>
    private static byte[] TailModel(bool thresholdAttribute = true, bool slopeIsInput = false, float[]? slope = null, bool scoreIsOutput = false, bool scoreCopy = false)
    {
        var threshold = thresholdAttribute
            ? [ProtoWire.Write([ProtoField.OfText(1, "threshold"), new ProtoField(2, ProtoField.Fixed32, 0, BitConverter.GetBytes(0.25f)), ProtoField.OfNumber(20, 1)])]
            : Array.Empty<byte[]>();
        byte[][] nodes =
        [
            OnnxNode.Write("score", "Neg", "", ["x"], ["Score"], []),
            OnnxNode.Write("mul", "Mul", "", ["Score", "Slope"], ["Scaled"], []),
            OnnxNode.Write("add", "Add", "", ["Offset", "Scaled"], ["Linear"], []),
            OnnxNode.Write("sigmoid", "Sigmoid", "", ["Linear"], ["Probability"], []),
            OnnxNode.Write("binarizer", "Binarizer", "ai.onnx.ml", ["Score"], ["Binary"], threshold),
            OnnxNode.Write("cast", "Cast", "", ["Binary"], ["PredictedLabel"], [Int("to", 9)]),
            OnnxNode.Write("label", "Identity", "", ["PredictedLabel"], ["PredictedLabel.output"], []),
            OnnxNode.Write("probability", "Identity", "", ["Probability"], ["Probability.output"], []),
            OnnxNode.Write("again", "Identity", "", ["Probability"], ["Probability.again"], []),
            .. scoreCopy ? [OnnxNode.Write("copy", "Identity", "", ["Score"], ["Score.output"], [])] : Array.Empty<byte[]>(),
        ];
        return Model(
        [
            .. nodes.Select(n => ProtoField.OfBytes(1, n)),
            ProtoField.OfText(2, "tail"),
            ProtoField.OfBytes(5, Floats("Slope", slope ?? [-1.7f])),
            ProtoField.OfBytes(5, Floats("Offset", [0.125f])),
            ProtoField.OfBytes(11, Value("x", 1, [null, 1])),
            .. slopeIsInput ? [ProtoField.OfBytes(11, Value("Slope", 1, []))] : Array.Empty<ProtoField>(),
            ProtoField.OfBytes(12, Value("PredictedLabel.output", 9, [null, 1])),
            ProtoField.OfBytes(12, Value("Probability.output", 1, [null, 1])),
            ProtoField.OfBytes(12, Value("Probability.again", 1, [null, 1])),
            .. scoreIsOutput ? [ProtoField.OfBytes(12, Value("Score", 1, [null, 1]))] : Array.Empty<ProtoField>(),
            .. scoreCopy ? [ProtoField.OfBytes(12, Value("Score.output", 1, [null, 1]))] : Array.Empty<ProtoField>(),
        ]);
    }

    /// <summary>A float TensorProto: dims, data type, packed float_data, name.</summary>
    private static byte[] Floats(string name, float[] values) => ProtoWire.Write(
    [
        .. values.Length == 1 ? [] : new[] { ProtoField.OfNumber(1, values.Length) },
        ProtoField.OfNumber(2, 1),
        ProtoField.OfBytes(4, values.SelectMany(BitConverter.GetBytes).ToArray()),
        ProtoField.OfText(8, name),
    ]);

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];

    private string Save(byte[] model) => folder.Write($"model-{Guid.NewGuid():N}.onnx", model);
}
