using Microsoft.ML.OnnxRuntime;

namespace RepoML.Bench.OnnxVsMlNet;

/// <summary>
/// Scores credit rows with ONNX Runtime on the ML.NET export, two ways: through <see cref="OrtValue"/> inputs (as
/// <c>repoml serve</c> does: numeric buffers pinned, strings written straight into the native tensor) for any number
/// of rows in one run, and through the older <see cref="NamedOnnxValue"/> API, which copies every input once more.
/// </summary>
internal sealed class OnnxCreditScorer(InferenceSession session) : IDisposable
{
    private static readonly Func<CreditRow, float>?[] Numbers = [.. Features.Properties.Select(p => p.PropertyType == typeof(float) ? p.GetGetMethod()!.CreateDelegate<Func<CreditRow, float>>() : null)];
    private static readonly Func<CreditRow, string>?[] Texts = [.. Features.Properties.Select(p => p.PropertyType == typeof(string) ? p.GetGetMethod()!.CreateDelegate<Func<CreditRow, string>>() : null)];
    private readonly string[] names = [.. Features.Properties.Select(p => p.Name)];
    private readonly string[] outputs = [Output(session, "PredictedLabel"), Output(session, "Probability")];
    private readonly RunOptions runOptions = new();
    private readonly float[][] rowNumbers = [.. Numbers.Select(_ => new float[1])];
    private OrtValue[]? rowValues;

    /// <summary>Scores rows [start, start+count) in one run; writes each row's label and probability.</summary>
    public void Score(IReadOnlyList<CreditRow> rows, int start, int count, Span<bool> labels, Span<float> probabilities)
    {
        var values = new OrtValue[names.Length];
        try
        {
            long[] shape = [count, 1];
            for (var f = 0; f < names.Length; f++)
            {
                if (Numbers[f] is { } number)
                {
                    var buffer = new float[count];
                    for (var i = 0; i < count; i++) { buffer[i] = number(rows[start + i]); }
                    values[f] = OrtValue.CreateTensorValueFromMemory(buffer, shape);
                    continue;
                }

                values[f] = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
                for (var i = 0; i < count; i++) { values[f].StringTensorSetElementAt(Texts[f]!(rows[start + i]).AsSpan(), i); }
            }

            using var results = session.Run(runOptions, names, values, outputs);
            results[0].GetTensorDataAsSpan<bool>().CopyTo(labels);
            results[1].GetTensorDataAsSpan<float>().CopyTo(probabilities);
        }
        finally
        {
            foreach (var value in values) { value?.Dispose(); }
        }
    }

    /// <summary>
    /// One row through input values made once and refilled for every call (as ML.NET's PredictionEngine reuses its
    /// buffers): each float input's OrtValue wraps a pinned one-element array, each string tensor is written again.
    /// </summary>
    public float ScoreReusing(CreditRow row)
    {
        rowValues ??= [.. Enumerable.Range(0, names.Length).Select(f => Numbers[f] is null
            ? OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, [1, 1])
            : OrtValue.CreateTensorValueFromMemory(rowNumbers[f], [1, 1]))];
        for (var f = 0; f < names.Length; f++)
        {
            if (Numbers[f] is { } number) { rowNumbers[f][0] = number(row); }
            else { rowValues[f].StringTensorSetElementAt(Texts[f]!(row).AsSpan(), 0); }
        }

        using var results = session.Run(runOptions, names, rowValues, outputs);
        return results[1].GetTensorDataAsSpan<float>()[0];
    }

    /// <summary>One row through the NamedOnnxValue API (a DenseTensor per input, copied into native memory by Run).</summary>
    public (bool Label, float Probability) PredictNamed(CreditRow row)
    {
        var inputs = new List<NamedOnnxValue>(names.Length);
        for (var f = 0; f < names.Length; f++)
        {
            inputs.Add(Numbers[f] is { } number
                ? NamedOnnxValue.CreateFromTensor(names[f], new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>(new[] { number(row) }, [1, 1]))
                : NamedOnnxValue.CreateFromTensor(names[f], new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<string>(new[] { Texts[f]!(row) }, [1, 1])));
        }

        using var results = session.Run(inputs, outputs);
        return (results[0].AsEnumerable<bool>().First(), results[1].AsEnumerable<float>().First());
    }

    public void Dispose()
    {
        foreach (var value in rowValues ?? []) { value.Dispose(); }
        runOptions.Dispose();
    }

    private static string Output(InferenceSession session, string prefix) =>
        session.OutputMetadata.Keys.First(n => n.StartsWith(prefix, StringComparison.Ordinal));
}
