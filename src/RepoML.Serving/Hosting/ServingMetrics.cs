using Prometheus;

namespace RepoML.Serving.Hosting;

/// <summary>The server's Prometheus metrics, in a registry of its own (so several servers in one process keep apart).</summary>
public sealed class ServingMetrics
{
    public ServingMetrics()
    {
        var factory = Metrics.WithCustomRegistry(Registry);
        Requests = factory.CreateCounter("repoml_requests_total", "Scoring requests by deployment, protocol and HTTP status.", "deployment", "protocol", "status");
        Errors = factory.CreateCounter("repoml_request_errors_total", "Scoring requests that did not succeed, by deployment and reason.", "deployment", "reason");
        Latency = factory.CreateHistogram("repoml_request_duration_seconds", "Time to answer a scoring request, by deployment.", new HistogramConfiguration
        {
            LabelNames = ["deployment"],
            Buckets = Histogram.ExponentialBuckets(0.0001, 2, 16),
        });
        InFlight = factory.CreateGauge("repoml_requests_in_flight", "Scoring requests being handled, by deployment.", "deployment");
        ModelLoad = factory.CreateGauge("repoml_model_load_seconds", "How long loading the deployment's model took.", "deployment");
        Mirrored = factory.CreateCounter("repoml_mirrored_requests_total", "Requests copied to a shadow deployment, by deployment and outcome.", "deployment", "outcome");
        Collected = factory.CreateCounter("repoml_collected_records_total", "Data collection records written, by deployment and collection.", "deployment", "collection");
        Reloads = factory.CreateCounter("repoml_endpoint_reloads_total", "Re-applied endpoint files, by outcome.", "outcome");
    }

    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    public Counter Requests { get; }

    public Counter Errors { get; }

    public Histogram Latency { get; }

    public Gauge InFlight { get; }

    public Gauge ModelLoad { get; }

    public Counter Mirrored { get; }

    public Counter Collected { get; }

    public Counter Reloads { get; }
}
