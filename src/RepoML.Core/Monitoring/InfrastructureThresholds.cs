namespace RepoML.Core.Monitoring;

/// <summary>Per-deployment infrastructure alert thresholds; a null threshold is not checked.</summary>
/// <param name="LatencyP95Ms">95th percentile request latency in milliseconds.</param>
/// <param name="ErrorRate">Failed requests over all requests.</param>
/// <param name="Saturation">Requests in flight over the deployment's <c>max_concurrent_requests_per_instance</c>.</param>
public sealed record InfrastructureThresholds(double? LatencyP95Ms = 500, double? ErrorRate = 0.05, double? Saturation = 0.8);
