using System.Collections.Concurrent;
using Prometheus;

namespace RepoML.Serving.Hosting;

/// <summary>The server's Prometheus metrics, in a registry of its own (so several servers in one process keep apart).</summary>
public sealed class ServingMetrics
{
    // Label lookups cost an array and a hash of every label per call: the per-request series are looked up once.
    private readonly ConcurrentDictionary<(string Deployment, string Protocol, int Status), (Counter.Child Requests,
        Histogram.Child Latency)> answered = new();
    private readonly ConcurrentDictionary<string, Gauge.Child> inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> servedLabels = new(StringComparer.Ordinal);

    public ServingMetrics()
    {
        var factory = Metrics.WithCustomRegistry(Registry);
        Requests = NewCounter(factory, ServingMetricNames.Requests);
        Errors = NewCounter(factory, ServingMetricNames.Errors);
        ClientErrors = NewCounter(factory, ServingMetricNames.ClientErrors);
        ServerErrors = NewCounter(factory, ServingMetricNames.ServerErrors);
        Latency = factory.CreateHistogram(ServingMetricNames.Latency.Name, ServingMetricNames.Latency.Help, new HistogramConfiguration
        {
            LabelNames = [.. ServingMetricNames.Latency.Labels],
            Buckets = Histogram.ExponentialBuckets(0.0001, 2, 16),
        });
        InFlightRequests = factory.CreateGauge(ServingMetricNames.InFlight.Name, ServingMetricNames.InFlight.Help,
            [.. ServingMetricNames.InFlight.Labels]);
        ModelLoad = factory.CreateGauge("repoml_model_load_seconds", "How long loading the deployment's model took.", "deployment");
        Mirrored = factory.CreateCounter("repoml_mirrored_requests_total", "Requests copied to a shadow deployment, by deployment and outcome.",
            "deployment", "outcome");
        Collected = factory.CreateCounter("repoml_collected_records_total", "Data collection records written, by deployment and collection.",
            "deployment", "collection");
        RunSizes = factory.CreateHistogram("repoml_requests_per_run",
            "Requests served by one model run (concurrent requests are coalesced), by deployment.", new HistogramConfiguration
        {
            LabelNames = ["deployment"],
            Buckets = [1, 2, 4, 8, 16, 32, 64, 128],
        });
        Reloads = factory.CreateCounter("repoml_endpoint_reloads_total",
            "Endpoint reloads by outcome: applied, failed (a deployment kept its previous model or has none), rejected (invalid files).", "outcome");
        ServedInfo = factory.CreateGauge("repoml_deployment_model_info", "What each deployment serves (always 1): model, version and digest.",
            "deployment", "model", "version", "digest");
        LoadedAt = factory.CreateGauge("repoml_deployment_loaded_timestamp_seconds", "When each deployment's model was loaded (Unix time).",
            "deployment");
        ReloadFailed = factory.CreateGauge("repoml_deployment_reload_failed",
            "1 when the last reload could not apply the deployment's file (it keeps its previous model, or has none).", "deployment");
    }

    public Gauge ServedInfo { get; }

    public Gauge LoadedAt { get; }

    public Gauge ReloadFailed { get; }

    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    public Counter Requests { get; }

    public Counter Errors { get; }

    public Counter ClientErrors { get; }

    public Counter ServerErrors { get; }

    public Histogram Latency { get; }

    public Gauge InFlightRequests { get; }

    public Gauge ModelLoad { get; }

    public Counter Mirrored { get; }

    public Counter Collected { get; }

    public Counter Reloads { get; }

    public Histogram RunSizes { get; }

    /// <summary>Sets the observed-state series to what <paramref name="state"/> serves; series of deployments no longer served go.</summary>
    public void Observe(LoadedEndpoint state)
    {
        lock (servedLabels)
        {
            foreach (var name in servedLabels.Keys.Except(state.Deployments.Keys).ToList())
            {
                ServedInfo.RemoveLabelled(servedLabels[name]);
                LoadedAt.RemoveLabelled(name);
                servedLabels.Remove(name);
            }

            foreach (var deployment in state.Deployments.Values)
            {
                var served = deployment.Served;
                string[] labels = [deployment.Name, served?.Model ?? "", deployment.ModelVersion, served?.Digest ?? ""];
                if (servedLabels.TryGetValue(deployment.Name, out var old) && !old.SequenceEqual(labels))
                {
                    ServedInfo.RemoveLabelled(old);
                }

                servedLabels[deployment.Name] = labels;
                ServedInfo.WithLabels(labels).Set(1);
                LoadedAt.WithLabels(deployment.Name).Set((served?.LoadedAt ?? state.ReloadedAt).ToUnixTimeMilliseconds() / 1000.0);
            }

            foreach (var name in state.Deployments.Keys.Union(state.Failures.Keys))
            {
                ReloadFailed.WithLabels(name).Set(state.Failures.ContainsKey(name) ? 1 : 0);
            }
        }
    }

    /// <summary>The in-flight gauge of one deployment.</summary>
    public Gauge.Child InFlight(string deployment) => inFlight.GetOrAdd(deployment, d => InFlightRequests.WithLabels(d));

    /// <summary>Counts a request that did not succeed, as a client or a server error by its <paramref name="status"/>.</summary>
    public void Failed(string deployment, int status, string reason)
    {
        Errors.WithLabels(deployment, reason).Inc();
        (ServingStatus.IsServerFault(status) ? ServerErrors : ClientErrors).WithLabels(deployment, reason).Inc();
    }

    /// <summary>Counts an answered request and observes how long it took.</summary>
    public void Answered(string deployment, string protocol, int status, double seconds)
    {
        var series = answered.GetOrAdd((deployment, protocol, status), key =>
            (Requests.WithLabels(key.Deployment, key.Protocol, key.Status.ToString(CultureInfo.InvariantCulture)),
                Latency.WithLabels(key.Deployment)));
        series.Requests.Inc();
        series.Latency.Observe(seconds);
    }

    private static Counter NewCounter(IMetricFactory factory, ServingMetric metric) =>
        factory.CreateCounter(metric.Name, metric.Help, [.. metric.Labels]);
}
