namespace RepoML.Core.Comparison;

/// <summary>A model ready to score: a folder holding model.onnx (and model-info.json), and how to name it in reports.</summary>
/// <param name="Source">For people: <c>run 20250101-…</c>, <c>credit:3</c>, a path.</param>
/// <param name="RunId">The run that produced it, when known (its outputs may hold the evaluation split).</param>
/// <param name="Lineage">
/// That run as a registration recorded it: its jobs' output digests, so a registered version's held-out split can be restored on a
/// machine that never ran it.
/// </param>
public sealed record ResolvedModel(string Folder, string Source, string? RunId = null, Registry.RunLineage? Lineage = null);
