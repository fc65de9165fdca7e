using System.Globalization;

namespace RepoML.Serving.Tests.Conformance;

/// <summary>What a served backend test model must answer: its v2 JSON request, and its recorded outputs (or ONNX Runtime's own, where the runtime deviates).</summary>
internal static class BackendExpectations
{
    private const double Tolerance = 1e-5;

    // Where ONNX Runtime 1.31 itself differs from the reference outputs (window functions and FFTs computed in float32,
    // reference data rounded to 4 digits, float-to-string formatting, align_corners resizing): for these the served
    // answer must equal an in-process ONNX Runtime run exactly instead.
    private static readonly string[] RuntimeDeviations =
    [
        "window", "_dft", "_stft", "FLOAT_to_STRING", "gridsample_bicubic", "roialign_", "align_corners", "maxunpool_export_with_output_shape",
    ];

    /// <summary>The outputs to compare a served answer with, and whether they must match exactly (an in-process run) or within 1e-5 (the recorded ones).</summary>
    public static (BackendTestCase Reference, bool Exact) Reference(BackendTestCase test) =>
        RuntimeDeviations.Any(d => test.Name.Contains(d, StringComparison.Ordinal)) ? (InProcess(test), true) : (test, false);

    public static JsonObject Request(BackendTestCase test) => new()
    {
        ["id"] = test.Name,
        ["inputs"] = new JsonArray([.. test.Inputs.Select(t => (JsonNode)new JsonObject
        {
            ["name"] = t.Name,
            ["shape"] = new JsonArray([.. t.Dims.Select(d => (JsonNode)d)]),
            ["datatype"] = t.DataType.ToString().ToUpperInvariant(),
            ["data"] = new JsonArray([.. Elements(t.Data)]),
        })]),
    };

    private static IEnumerable<JsonNode?> Elements(Array data)
    {
        foreach (var item in data)
        {
            yield return item switch
            {
                float f when !float.IsFinite(f) => f.ToString(CultureInfo.InvariantCulture),
                double d when !double.IsFinite(d) => d.ToString(CultureInfo.InvariantCulture),
                _ => JsonSerializer.SerializeToNode(item),
            };
        }
    }

    private static BackendTestCase InProcess(BackendTestCase test)
    {
        using var session = OnnxServingSession.Load(test.ModelPath);
        var outputs = session.Run([.. test.Inputs.Select(t => new OnnxTensor(t.Name, t.DataType, t.Dims, t.Data))], [.. test.Outputs.Select(o => o.Name)]);
        return test with { Outputs = [.. outputs.Select(o => new TensorProto(o.Name, o.DataType, o.Shape, o.Data))] };
    }

    public static IEnumerable<string> Compare(BackendTestCase test, JsonNode response, bool exact)
    {
        var outputs = response["outputs"]!.AsArray();
        foreach (var expected in test.Outputs)
        {
            var actual = outputs.FirstOrDefault(o => o!["name"]!.GetValue<string>() == expected.Name);
            if (actual is null)
            {
                yield return $"{test.Name}: no output '{expected.Name}'";
                continue;
            }

            var shape = actual["shape"]!.AsArray().Select(d => d!.GetValue<long>()).ToArray();
            var data = actual["data"]!.AsArray();
            if (!shape.SequenceEqual(expected.Dims) || data.Count != expected.Data.Length)
            {
                yield return $"{test.Name}: output '{expected.Name}' shape [{string.Join(',', shape)}], expected [{string.Join(',', expected.Dims)}]";
                continue;
            }

            for (var i = 0; i < data.Count; i++)
            {
                if (!Matches(expected.Data.GetValue(i)!, data[i]!, exact ? 0 : Tolerance))
                {
                    yield return $"{test.Name}: output '{expected.Name}'[{i}] = {data[i]!.ToJsonString()}, expected {expected.Data.GetValue(i)}";
                    break;
                }
            }
        }
    }

    private static bool Matches(object expected, JsonNode actual, double tolerance)
    {
        switch (expected)
        {
            case string s: return actual.GetValue<string>() == s;
            case bool b: return actual.GetValue<bool>() == b;
            case float or double:
                var e = Convert.ToDouble(expected, CultureInfo.InvariantCulture);
                var a = actual.GetValueKind() == JsonValueKind.String ? double.Parse(actual.GetValue<string>(), CultureInfo.InvariantCulture) : actual.GetValue<double>();
                // Float outputs travel as their shortest round-trip text: compare them as floats.
                a = expected is float ? (float)a : a;
                return (double.IsNaN(e) && double.IsNaN(a)) || e == a || Math.Abs(a - e) <= tolerance * Math.Max(1, Math.Abs(e));
            default:
                return Convert.ToDecimal(expected, CultureInfo.InvariantCulture) == actual.GetValue<decimal>();
        }
    }
}
