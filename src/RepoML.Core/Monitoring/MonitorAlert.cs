namespace RepoML.Core.Monitoring;

/// <summary>One fired alert: the signal (data_drift, prediction_drift, data_quality, feature_attribution_drift, infrastructure) and why.</summary>
public sealed record MonitorAlert(string Signal, string Message);
