using RepoML.Core.Serving;

namespace RepoML.Core.Monitoring;

/// <summary>Turns the scoring server's Prometheus metrics into per-deployment latency, error rate and saturation.</summary>
public static class InfrastructureCalculator
{
    /// <param name="samples">The parsed scrape.</param>
    /// <param name="concurrency">Deployment → max concurrent requests per instance (for saturation); missing = not computed.</param>
    public static IReadOnlyList<DeploymentHealth> Compute(IReadOnlyList<PrometheusSample> samples, IReadOnlyDictionary<string, int> concurrency,
        InfrastructureThresholds thresholds)
    {
        var deployments = samples.Select(s => s.Label("deployment")).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var result = new List<DeploymentHealth>();
        foreach (var deployment in deployments)
        {
            var mine = samples.Where(s => s.Label("deployment") == deployment).ToList();
            var requests = mine.Where(s => s.Name == ServingMetricNames.Requests.Name).Sum(s => s.Value);
            var errors = mine.Where(s => s.Name == ServingMetricNames.Errors.Name).Sum(s => s.Value);
            double? errorRate = requests > 0 ? errors / requests : null;
            var buckets = mine.Where(s => s.Name == ServingMetricNames.LatencyBucket && s.Label("le") is not null)
                .Select(s => (Bound: s.Label("le") == "+Inf" ? double.PositiveInfinity : double.Parse(s.Label("le")!,
                    System.Globalization.CultureInfo.InvariantCulture), Count: s.Value))
                .OrderBy(b => b.Bound).ToList();
            var p95 = Quantile(buckets, 0.95) * 1000;
            double? inFlight = mine.FirstOrDefault(s => s.Name == ServingMetricNames.InFlight.Name)?.Value;
            double? saturation = inFlight is { } f && concurrency.TryGetValue(deployment, out var max) && max > 0 ? f / max : null;
            var violations = new List<string>();
            if (thresholds.LatencyP95Ms is { } l && p95 is { } p && p > l) { violations.Add("latency_p95_ms"); }
            if (thresholds.ErrorRate is { } e && errorRate is { } r && r > e) { violations.Add("error_rate"); }
            if (thresholds.Saturation is { } s && saturation is { } t && t > s) { violations.Add("saturation"); }
            result.Add(new DeploymentHealth(deployment, requests, errors, errorRate, p95, inFlight, saturation, violations));
        }

        return result;
    }

    /// <summary>PromQL's <c>histogram_quantile</c> over cumulative buckets; null without observations.</summary>
    public static double? Quantile(IReadOnlyList<(double Bound, double Count)> buckets, double q)
    {
        if (buckets.Count == 0 || buckets[^1].Count <= 0) { return null; }
        var rank = q * buckets[^1].Count;
        var (previousBound, previousCount) = (0.0, 0.0);
        foreach (var (bound, count) in buckets)
        {
            if (count >= rank)
            {
                if (double.IsPositiveInfinity(bound)) { return previousBound; }
                return count == previousCount ? bound : previousBound + ((bound - previousBound) * (rank - previousCount) / (count - previousCount));
            }

            (previousBound, previousCount) = (bound, count);
        }

        return previousBound;
    }
}
