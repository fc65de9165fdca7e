namespace RepoML.Core.Monitoring;

/// <summary>Everything one <c>repoml monitor</c> run computed, for the JSON, Markdown and HTML renderers.</summary>
/// <param name="History">This monitor's windows so far, this one included (drift over time); empty when none were kept.</param>
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
    IReadOnlyList<string> Notes,
    IReadOnlyList<DriftWindow>? History = null);
