namespace RepoML.Onnx.Graphs;

/// <summary>
/// The logistic function with the bits ONNX Runtime's <c>Sigmoid</c> gives on the CPU: its math library (MLAS) evaluates
/// a rational polynomial on the input clamped to [-18, 18], with fused multiply-adds and a final clamp at zero where the
/// processor has FMA3, with separate multiplies and adds otherwise. Which of the two this process's ONNX Runtime uses is
/// not assumed: <see cref="Matching"/> runs its <c>Sigmoid</c> on a probe of inputs once and keeps the variant that gives
/// every bit, or none.
/// </summary>
internal static class MlasLogistic
{
    private const float Alpha9 = 4.37031012579801e-11f, Alpha7 = 1.15627324459942e-07f, Alpha5 = 6.08574864600143e-05f;
    private const float Alpha3 = 8.51377133304701e-03f, Alpha1 = 2.48287947061529e-01f;
    private const float Beta10 = 6.10247389755681e-13f, Beta8 = 5.76102136993427e-09f, Beta6 = 6.29106785017040e-06f;
    private const float Beta4 = 1.70198817374094e-03f, Beta2 = 1.16817656904453e-01f, Beta0 = 9.93151921023180e-01f;

    private static readonly Lazy<Func<float, float>?> Probed = new(Probe);

    /// <summary>The variant that gives ONNX Runtime's bits on every probed input here; null when neither does.</summary>
    public static Func<float, float>? Matching => Probed.Value;

    /// <summary>MLAS's FMA3 kernel: fused multiply-adds, the result clamped below at zero; a NaN comes out quiet, its payload kept.</summary>
    public static float Fused(float x)
    {
        if (float.IsNaN(x))
        {
            return Quiet(x);
        }

        x = Math.Min(18f, Math.Max(-18f, x));
        var x2 = x * x;
        var p = MathF.FusedMultiplyAdd(x2, Alpha9, Alpha7);
        p = MathF.FusedMultiplyAdd(x2, p, Alpha5);
        p = MathF.FusedMultiplyAdd(x2, p, Alpha3);
        p = MathF.FusedMultiplyAdd(x2, p, Alpha1);
        var q = MathF.FusedMultiplyAdd(x2, Beta10, Beta8);
        q = MathF.FusedMultiplyAdd(x2, q, Beta6);
        q = MathF.FusedMultiplyAdd(x2, q, Beta4);
        q = MathF.FusedMultiplyAdd(x2, q, Beta2);
        q = MathF.FusedMultiplyAdd(x2, q, Beta0);
        var y = (x * p / q) + 0.5f;
        return y < 0 ? 0 : y;
    }

    /// <summary>MLAS's generic kernel: each multiply and add rounded on its own, no clamp of the result.</summary>
    public static float Unfused(float x)
    {
        if (float.IsNaN(x))
        {
            return Quiet(x);
        }

        x = Math.Min(18f, Math.Max(-18f, x));
        var x2 = x * x;
        var p = (((((((x2 * Alpha9) + Alpha7) * x2) + Alpha5) * x2) + Alpha3) * x2) + Alpha1;
        var q = (((((((((x2 * Beta10) + Beta8) * x2) + Beta6) * x2) + Beta4) * x2) + Beta2) * x2) + Beta0;
        return (x * p / q) + 0.5f;
    }

    private static float Quiet(float nan) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(nan) | 0x0040_0000);

    /// <summary>Inputs across the polynomial's range and beyond, both zeros, the clamp points, extremes and NaN.</summary>
    internal static float[] ProbeInputs()
    {
        var inputs = new List<float> { 0f, -0f, 18f, -18f, 17.999998f, -17.999998f, 1e-30f, -1e-30f, float.Epsilon, 1e30f, -1e30f,
            float.MaxValue, float.MinValue, float.PositiveInfinity, float.NegativeInfinity, float.NaN,
            BitConverter.Int32BitsToSingle(0x7F800001), BitConverter.Int32BitsToSingle(unchecked((int)0xFFADA240)) };
        for (var i = -4000; i <= 4000; i++)
        {
            inputs.Add(i / 200f);
            inputs.Add(BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(i / 200f) + 1));
        }

        return [.. inputs];
    }

    private static Func<float, float>? Probe()
    {
        var inputs = ProbeInputs();
        float[] expected;
        try
        {
            expected = OnnxRuntimeSigmoid(inputs);
        }
        catch (OnnxRuntimeException)
        {
            return null;
        }

        bool Gives(Func<float, float> logistic) =>
            inputs.Select((x, i) => BitConverter.SingleToInt32Bits(logistic(x)) == BitConverter.SingleToInt32Bits(expected[i])).All(same => same);
        return Gives(Fused) ? Fused : Gives(Unfused) ? Unfused : null;
    }

    /// <summary>ONNX Runtime's <c>Sigmoid</c> of <paramref name="inputs"/>, from a graph of that one node.</summary>
    internal static float[] OnnxRuntimeSigmoid(float[] inputs)
    {
        long?[] shape = [null];
        var graph = ProtoWire.Write(
        [
            ProtoField.OfBytes(1, OnnxNode.Write("sigmoid", "Sigmoid", "", ["x"], ["y"], [])),
            ProtoField.OfText(2, "probe"),
            ProtoField.OfBytes(11, new OnnxValueInfo("x", OnnxValueInfo.FloatType, shape).Write("N")),
            ProtoField.OfBytes(12, new OnnxValueInfo("y", OnnxValueInfo.FloatType, shape).Write("N")),
        ]);
        var model = ProtoWire.Write(
        [
            ProtoField.OfNumber(1, 8),
            ProtoField.OfBytes(8, ProtoWire.Write([ProtoField.OfText(1, ""), ProtoField.OfNumber(2, 13)])),
            ProtoField.OfBytes(7, graph),
        ]);
        using var options = new SessionOptions { IntraOpNumThreads = 1, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
        using var session = new InferenceSession(model, options);
        using var runOptions = new RunOptions();
        using var input = OrtValue.CreateTensorValueFromMemory(inputs, [inputs.Length]);
        using var results = session.Run(runOptions, ["x"], [input], ["y"]);
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
