namespace RepoML.Serving.Scoring;

/// <summary>A request's share of a (possibly coalesced) run: rows [<see cref="Offset"/>, Offset+Rows) of each output.</summary>
public sealed record TableResult(IReadOnlyList<OnnxTensor> Outputs, int Offset, int Rows);
