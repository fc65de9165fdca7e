namespace RepoML.Core.Serving;

/// <summary>
/// The Prometheus metrics the scoring server exports by these names, and monitoring and rollout read back: one list, so a
/// renamed metric cannot leave a reader looking for the old name.
/// </summary>
public static class ServingMetricNames
{
    public const string Requests = "repoml_requests_total";
    /// <summary>Every request that did not succeed, client and server errors together, by reason.</summary>
    public const string Errors = "repoml_request_errors_total";

    /// <summary>Requests refused for what the client sent (<see cref="ServingStatus.IsServerFault"/> is false), by reason.</summary>
    public const string ClientErrors = "repoml_request_client_errors_total";

    /// <summary>Requests the server failed (5xx, 408, 429), by reason: what rollout gates count.</summary>
    public const string ServerErrors = "repoml_request_server_errors_total";
    public const string Latency = "repoml_request_duration_seconds";

    /// <summary>The latency histogram's buckets as the text format names them.</summary>
    public static string LatencyBucket => Latency + "_bucket";

    public const string InFlight = "repoml_requests_in_flight";
}
