namespace RepoML.Training.Schema;

/// <summary>A feature column; its name is also the ONNX input name. Categories are listed in one-hot order.</summary>
public sealed record FeatureColumn(string Name, FeatureEncoding Kind, IReadOnlyList<string>? Categories = null);
