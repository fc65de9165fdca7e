namespace RepoML.Core.Monitoring;

/// <summary>Infrastructure metrics of one deployment from a <c>/metrics</c> scrape, with the thresholds they break.</summary>
/// <param name="LatencyP95Ms">Estimated from the latency histogram's buckets (linear within a bucket, as PromQL's histogram_quantile).</param>
public sealed record DeploymentHealth(string Deployment, double Requests, double Errors, double? ErrorRate, double? LatencyP95Ms,
    double? InFlight, double? Saturation, IReadOnlyList<string> Violations);
