namespace RepoML.Serving.Scoring;

/// <summary>
/// Rows of one request, already converted: one typed array per model input (in model order), rows × width values each;
/// <paramref name="Widths"/> says each input's width where a request settles it (<see cref="TableInput.VariableRow"/>), else null.
/// </summary>
public sealed record TableBatch(int Rows, Array[] Columns, int[]? Widths = null);
