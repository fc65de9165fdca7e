namespace RepoML.Workflows.Serving;

/// <summary>A scored input row: one text cell per output column (wide outputs space-separated), in column order.</summary>
public sealed record ScoredRow(BatchRow Row, IReadOnlyList<KeyValuePair<string, string>> Outputs);
