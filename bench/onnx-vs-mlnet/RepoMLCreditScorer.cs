using RepoML.Onnx;

namespace RepoML.Bench.OnnxVsMlNet;

/// <summary>
/// Scores credit rows the way <c>repoml serve</c> does: through <see cref="OnnxServingSession"/> (the model folded at
/// load, its feature vector written in managed code where it can be), with the session's kept input values rented per
/// run and each model input written from a column of values, as the server's row batcher writes them.
/// </summary>
internal sealed class RepoMLCreditScorer(OnnxServingSession session) : IDisposable
{
    private static readonly Func<CreditRow, float>?[] Numbers = [.. Features.Properties.Select(p => p.PropertyType == typeof(float) ? p.GetGetMethod()!.CreateDelegate<Func<CreditRow, float>>() : null)];
    private static readonly Func<CreditRow, string>?[] Texts = [.. Features.Properties.Select(p => p.PropertyType == typeof(string) ? p.GetGetMethod()!.CreateDelegate<Func<CreditRow, string>>() : null)];
    private readonly int[] inputOf = [.. Features.Properties.Select(p => session.Inputs.ToList().FindIndex(i => i.Name == p.Name))];
    private readonly string[] outputs = [Output(session, "PredictedLabel"), Output(session, "Probability")];
    private readonly Array[] rowColumns = [.. Features.Properties.Select(p => p.PropertyType == typeof(float) ? (Array)new float[1] : new string[1])];
    private readonly long[][] rowShapes = [.. session.Inputs.Select(_ => new long[] { 1, 1 })];

    /// <summary>One row a call, as a single-row request is run.</summary>
    public float ScoreRow(CreditRow row)
    {
        using var values = session.RentInputs(rowShapes);
        for (var f = 0; f < inputOf.Length; f++)
        {
            if (Numbers[f] is { } number) { ((float[])rowColumns[f])[0] = number(row); }
            else { ((string[])rowColumns[f])[0] = Texts[f]!(row); }
            values.Write(inputOf[f], rowColumns[f], 0);
        }

        return ((float[])session.Run(values, outputs)[1].Data)[0];
    }

    /// <summary>Rows [start, start+count) in one run; writes each row's label and probability.</summary>
    public void Score(IReadOnlyList<CreditRow> rows, int start, int count, Span<bool> labels, Span<float> probabilities)
    {
        using var values = session.RentInputs([.. session.Inputs.Select(_ => new long[] { count, 1 })]);
        for (var f = 0; f < inputOf.Length; f++)
        {
            Array column = Numbers[f] is { } number
                ? Enumerable.Range(start, count).Select(i => number(rows[i])).ToArray()
                : Enumerable.Range(start, count).Select(i => Texts[f]!(rows[i])).ToArray();
            values.Write(inputOf[f], column, 0);
        }

        var results = session.Run(values, outputs);
        ((bool[])results[0].Data).CopyTo(labels);
        ((float[])results[1].Data).CopyTo(probabilities);
    }

    public void Dispose() => session.Dispose();

    private static string Output(OnnxServingSession session, string prefix) =>
        session.Outputs.First(o => o.Name.StartsWith(prefix, StringComparison.Ordinal)).Name;
}
