namespace RepoML.Core.Monitoring;

/// <summary>A monitor file's per-feature choice: force a test, a threshold, or both.</summary>
public sealed record FeatureOverride(StatTest? Test, double? Threshold);
