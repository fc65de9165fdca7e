using System.Globalization;
using Xunit.Abstractions;

namespace RepoML.Serving.Tests.Conformance;

/// <summary>ONNX backend test models served through /v2/models/{name}/infer give the outputs recorded with them.</summary>
public sealed class BackendConformanceTests(ITestOutputHelper output) : IDisposable
{
    private const double Tolerance = 1e-5;

    // Where ONNX Runtime 1.31 itself differs from the reference outputs (window functions and FFTs computed in float32,
    // reference data rounded to 4 digits, float-to-string formatting, align_corners resizing): for these the served
    // answer must equal an in-process ONNX Runtime run exactly instead.
    private static readonly string[] RuntimeDeviations =
    [
        "window", "_dft", "_stft", "FLOAT_to_STRING", "gridsample_bicubic", "roialign_", "align_corners", "maxunpool_export_with_output_shape",
    ];
    private readonly EndpointWorkspace workspace = new("conformance");

    [LibOnnxTestDataFact]
    public async Task Should_return_the_expected_outputs_within_1e5_When_backend_test_models_are_served_over_v2()
    {
        // Given every backend test model ONNX Runtime loads, each as a deployment of one endpoint
        var folders = new[] { "node", "simple", "pytorch-converted", "pytorch-operator" }
            .Select(f => Path.Combine(LibOnnxTestDataFactAttribute.Folder, f))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();
        var cases = new List<BackendTestCase>();
        foreach (var folder in folders)
        {
            if (BackendTestCase.TryLoad(folder).Case is { } loaded)
            {
                cases.Add(loaded);
            }
        }

        workspace.Endpoint("model-0=100");
        for (var i = 0; i < cases.Count; i++)
        {
            workspace.Deployment($"model-{i}", cases[i].ModelPath);
        }

        await using var server = await KestrelServer.StartAsync(workspace, o => new() { EndpointFolder = o.EndpointFolder,
            WorkspaceRoot = o.WorkspaceRoot, WatchFiles = false, MaxRequestBodyBytes = 64 * 1024 * 1024 });

        // When each is asked to infer its first data set
        var failures = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            using var response = await server.Client.PostAsJsonAsync($"/v2/models/model-{i}/infer", Request(cases[i]));
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                failures.Add($"{cases[i].Name}: HTTP {(int)response.StatusCode} {body}");
                continue;
            }

            var reference = RuntimeDeviations.Any(d => cases[i].Name.Contains(d, StringComparison.Ordinal)) ? InProcess(cases[i]) : cases[i];
            failures.AddRange(Compare(reference, JsonNode.Parse(body)!, exact: reference != cases[i]));
        }

        // Then
        output.WriteLine($"{cases.Count} of {folders.Count} backend test models served; {failures.Count} failed");
        Assert.True(cases.Count >= 500, $"only {cases.Count} models could be loaded");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    public void Dispose() => workspace.Dispose();

    private static JsonObject Request(BackendTestCase test) => new()
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
        var outputs = session.Run([.. test.Inputs.Select(t => new OnnxTensor(t.Name, t.DataType, t.Dims, t.Data))], [.. test.Outputs.Select(o
            => o.Name)]);
        return test with { Outputs = [.. outputs.Select(o => new TensorProto(o.Name, o.DataType, o.Shape, o.Data))] };
    }

    private static IEnumerable<string> Compare(BackendTestCase test, JsonNode response, bool exact)
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
                var a = actual.GetValueKind() == JsonValueKind.String ? double.Parse(actual.GetValue<string>(),
                    CultureInfo.InvariantCulture) : actual.GetValue<double>();
                // Float outputs travel as their shortest round-trip text: compare them as floats.
                a = expected is float ? (float)a : a;
                return (double.IsNaN(e) && double.IsNaN(a)) || e == a || Math.Abs(a - e) <= tolerance * Math.Max(1, Math.Abs(e));
            default:
                return Convert.ToDecimal(expected, CultureInfo.InvariantCulture) == actual.GetValue<decimal>();
        }
    }
}
