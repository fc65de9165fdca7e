namespace RepoML.Core.Monitoring;

/// <summary>A parsed monitor file: what to compare with what, which signals, and when to alert.</summary>
/// <param name="BaselineData">A data asset reference (<c>azureml:credit-data@latest</c>) or a path relative to the monitor file; null with
/// a baseline window.</param>
/// <param name="BaselineWindow">A window of collected data used as baseline instead of a data asset.</param>
/// <param name="Lookback">The current window's length when <c>--from</c> is not given.</param>
/// <param name="Features">Monitored input columns; empty = every column both sides have.</param>
/// <param name="PredictionOutput">The model output field compared for prediction drift; null = the first output field.</param>
public sealed record MonitorSpec(
    string Name,
    string? Endpoint,
    IReadOnlyList<string> Deployments,
    string? BaselineData,
    string? TargetColumn,
    (DateTimeOffset? From, DateTimeOffset? To)? BaselineWindow,
    TimeSpan Lookback,
    string? Schedule,
    bool DataDrift,
    IReadOnlyList<string> Features,
    DriftOptions Drift,
    bool PredictionDrift,
    string? PredictionOutput,
    FeatureOverride PredictionTest,
    bool DataQuality,
    DataQualityThresholds Quality,
    bool AttributionDrift,
    double NdcgThreshold,
    string? MetricsUrl,
    InfrastructureThresholds Infrastructure);
