namespace RepoML.Serving.Hosting;

/// <summary>What one deployment actually serves: reported by /v2/models/{deployment}, /health/ready and /metrics.</summary>
/// <param name="Model">The registered model's name; null for a local path or an override.</param>
/// <param name="Version">The version the reference resolved to ("1" for an unversioned local model, as Azure ML shows it).</param>
/// <param name="Digest">The digest of the loaded bytes (file sha256 or folder manifest digest); null for a scorer without a model.</param>
/// <param name="LoadedAt">When the model was loaded.</param>
public sealed record ServedModel(string? Model, string Version, string? Digest, DateTimeOffset LoadedAt);
