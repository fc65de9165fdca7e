namespace RepoML.Core.Comparison;

/// <summary>A model ready to score: a folder holding model.onnx (and model-info.json), and how to name it in reports.</summary>
/// <param name="Source">For people: <c>run 20250101-…</c>, <c>credit:3</c>, a path.</param>
/// <param name="RunId">The run that produced it, when known (its outputs may hold the evaluation split).</param>
public sealed record ResolvedModel(string Folder, string Source, string? RunId = null);
