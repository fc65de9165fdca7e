namespace RepoML.Serving.Scoring;

/// <summary>Rows of one request, already converted: one typed array per model input (in model order), rows × width values each.</summary>
public sealed record TableBatch(int Rows, Array[] Columns);
