namespace RepoML.Workflows.Serving;

/// <summary>Scores one mini-batch of a batch job: the built-in ONNX scorer (<see cref="OnnxBatchRows"/>) or a custom .NET scorer (<see
/// cref="CustomBatchRows"/>).</summary>
public interface IBatchRowScorer
{
    /// <summary>Output columns known before scoring (the model's outputs); a custom scorer's appear with its answers.</summary>
    IReadOnlyList<string> KnownColumns { get; }

    /// <summary>Scores <paramref name="rows"/>, whose cells are in <paramref name="columns"/> order: per row, its output cells.</summary>
    /// <exception cref="ScoringInputException">The mini-batch cannot be scored; scored row by row, the bad rows fail alone.</exception>
    Task<IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>>> ScoreAsync(IReadOnlyList<string> columns, IReadOnlyList<BatchRow> rows,
        CancellationToken cancellation);
}
