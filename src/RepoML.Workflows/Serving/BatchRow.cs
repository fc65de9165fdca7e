namespace RepoML.Workflows.Serving;

/// <summary>One input row of a batch job: where it came from and its cells in the job's column order.</summary>
public sealed record BatchRow(int Index, string Source, int Line, string[] Cells);
