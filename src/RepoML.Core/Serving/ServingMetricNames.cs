namespace RepoML.Core.Serving;

/// <summary>A Prometheus metric the scoring server exports: its name, help text and label names.</summary>
public sealed record ServingMetric(string Name, string Help, IReadOnlyList<string> Labels);

/// <summary>
/// The Prometheus metrics the scoring server exports and monitoring and rollout read back, with their help and labels: one
/// list, so a renamed metric or label cannot leave a reader looking for the old one.
/// </summary>
public static class ServingMetricNames
{
    public static readonly ServingMetric Requests = new("repoml_requests_total",
        "Scoring requests by deployment, protocol and HTTP status.", ["deployment", "protocol", "status"]);

    /// <summary>Every request that did not succeed, client and server errors together, by reason.</summary>
    public static readonly ServingMetric Errors = new("repoml_request_errors_total",
        "Scoring requests that did not succeed, by deployment and reason.", ["deployment", "reason"]);

    /// <summary>Requests refused for what the client sent (<see cref="ServingStatus.IsServerFault"/> is false), by reason.</summary>
    public static readonly ServingMetric ClientErrors = new("repoml_request_client_errors_total",
        "Scoring requests refused for what the client sent (4xx but 408 and 429), by deployment and reason.", ["deployment", "reason"]);

    /// <summary>Requests the server failed (5xx, 408, 429), by reason: what rollout gates count.</summary>
    public static readonly ServingMetric ServerErrors = new("repoml_request_server_errors_total",
        "Scoring requests the server failed (5xx, 408, 429), by deployment and reason.", ["deployment", "reason"]);

    public static readonly ServingMetric Latency = new("repoml_request_duration_seconds",
        "Time to answer a scoring request, by deployment.", ["deployment"]);

    /// <summary>The latency histogram's buckets as the text format names them.</summary>
    public static string LatencyBucket => Latency.Name + "_bucket";

    public static readonly ServingMetric InFlight = new("repoml_requests_in_flight",
        "Scoring requests being handled, by deployment.", ["deployment"]);
}
