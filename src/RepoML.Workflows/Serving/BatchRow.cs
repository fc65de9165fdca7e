namespace RepoML.Workflows.Serving;

/// <summary>One input row of a batch job: where it came from and its cells in the job's column order.</summary>
/// <param name="Problem">Why the row could not be read (a short row, a quote not closed): it fails as one row, never scored.</param>
public sealed record BatchRow(int Index, string Source, int Line, string[] Cells, string? Problem = null);
