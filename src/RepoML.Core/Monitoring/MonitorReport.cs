namespace RepoML.Core.Monitoring;

/// <summary>Everything one <c>repoml monitor</c> run computed, for the JSON, Markdown and HTML renderers.</summary>
public sealed record MonitorReport(
    MonitorSpec Spec,
    string Endpoint,
    string BaselineName,
    DateTimeOffset From,
    DateTimeOffset To,
    int BaselineRows,
    int CurrentRows,
    DatasetDrift? DataDrift,
    FeatureDrift? PredictionDrift,
    string? PredictionOutput,
    IReadOnlyList<FeatureQuality> DataQuality,
    AttributionDrift? Attribution,
    IReadOnlyList<DeploymentHealth> Infrastructure,
    string? InfrastructureError,
    IReadOnlyList<MonitorAlert> Alerts,
    IReadOnlyList<string> Notes);
