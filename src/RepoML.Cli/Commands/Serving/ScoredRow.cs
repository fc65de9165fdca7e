namespace RepoML.Cli.Commands.Serving;

/// <summary>A scored input row: one text cell per model output (wide outputs space-separated).</summary>
internal sealed record ScoredRow(BatchRow Row, string[] Outputs);
