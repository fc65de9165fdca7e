namespace RepoML.Workflows.Serving;

/// <summary>
/// Batch rows scored by a deployment's custom .NET scorer: each mini-batch is one <c>Run</c> call with the rows as
/// Azure ML's <c>input_data</c> (<see cref="BatchRequestBody"/>), and the answer gives one result per row
/// (<see cref="BatchAnswer"/>). An exception from the scorer fails the mini-batch, which is then scored row by row.
/// </summary>
public sealed class CustomBatchRows(CustomScorer scorer) : IBatchRowScorer
{
    public IReadOnlyList<string> KnownColumns => [];

    public async Task<IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>>> ScoreAsync(IReadOnlyList<string> columns,
        IReadOnlyList<BatchRow> rows, CancellationToken cancellation)
    {
        string answer;
        try
        {
            answer = await scorer.RunAsync(BatchRequestBody.Write(columns, rows), cancellation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The user's code failed on these rows: its message only, as a served request would get no stack either.
            throw new ScoringInputException($"{scorer.TypeName}.Run failed: {ex.Message}");
        }

        return BatchAnswer.Parse(answer, rows.Count);
    }
}
