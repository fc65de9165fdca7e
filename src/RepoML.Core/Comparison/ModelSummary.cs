namespace RepoML.Core.Comparison;

/// <summary>What a report says about one of the two models.</summary>
/// <param name="Source">Where it came from: <c>run 20250101-120000-ab12cd</c>, <c>credit:3</c>, a path.</param>
/// <param name="SizeBytes">Size of model.onnx.</param>
/// <param name="LatencyMicrosecondsPerRow">Batch scoring time over the evaluation rows divided by their number (ONNX Runtime, this machine).</param>
/// <param name="Facts">How it was made (model-info.json and its run): compared between the two models in the report.</param>
public sealed record ModelSummary(string Source, long SizeBytes, double LatencyMicrosecondsPerRow, IReadOnlyList<ModelFact>? Facts = null);
