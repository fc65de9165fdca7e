namespace RepoML.Cli.Commands.Serving;

/// <summary>A scored input row: one text cell per output column (wide outputs space-separated), in column order.</summary>
internal sealed record ScoredRow(BatchRow Row, IReadOnlyList<KeyValuePair<string, string>> Outputs);
