namespace RepoML.Core.Serving;

/// <summary>An Azure ML liveness or readiness probe (seconds, as in the YAML).</summary>
public sealed record ProbeSettings(int InitialDelay, int Period, int Timeout, int SuccessThreshold, int FailureThreshold);
