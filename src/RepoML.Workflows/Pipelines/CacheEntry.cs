namespace RepoML.Workflows.Pipelines;

/// <summary>The outputs (name → digest) and metrics a job produced for one cache key, and the run that produced them.</summary>
public sealed record CacheEntry(string RunId, IReadOnlyDictionary<string, string> Outputs, IReadOnlyDictionary<string, double> Metrics);
