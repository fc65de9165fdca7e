namespace RepoML.Serving.Scoring;

/// <summary>A request's column names and, for each model input in order, its position among them.</summary>
internal sealed record ColumnLayout(string[] Columns, int[] Positions);
