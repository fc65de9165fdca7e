namespace RepoML.Workflows.Serving;

/// <summary>Batch rows scored by the built-in ONNX scorer: one column per tensor output of the model.</summary>
public sealed class OnnxBatchRows(IModelScorer scorer) : IBatchRowScorer
{
    public IReadOnlyList<string> KnownColumns { get; } =
        [.. scorer.Signature.Outputs.Where(o => o.ElementKind != TensorElementKind.Other && o.Shape is [< 0, ..]).Select(o => o.Name)];

    public Task<IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>>> ScoreAsync(IReadOnlyList<string> columns,
        IReadOnlyList<BatchRow> rows, CancellationToken cancellation)
    {
        var result = scorer.Score(columns, [.. rows.Select(r => (IReadOnlyList<string>)r.Cells)]);
        IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> cells =
            [.. rows.Select((_, i) => (IReadOnlyList<KeyValuePair<string, string>>)[.. result.Outputs.Select(o => KeyValuePair.Create(o.Name,
                Cell(o, i)))])];
        return Task.FromResult(cells);
    }

    private static string Cell(ScoredTensor output, int row) =>
        output.RowWidth == 1 ? output.TextAt(row) : string.Join(' ', Enumerable.Range(0, output.RowWidth).Select(c => output.TextAt(row, c)));
}
