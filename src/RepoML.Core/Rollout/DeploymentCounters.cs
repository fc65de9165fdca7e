using RepoML.Core.Serving;

using RepoML.Core.Monitoring;

namespace RepoML.Core.Rollout;

/// <summary>
/// One deployment's cumulative request, error and latency-histogram counters from the scoring server's <c>/metrics</c>
/// (<c>repoml_requests_total</c>, <c>repoml_request_errors_total</c>, <c>repoml_request_duration_seconds</c>).
/// A step's evidence is the difference between the counters now and those recorded when the step began. Errors are the
/// requests answered with a status that is the server's fault (<see cref="ServingStatus.IsServerFault"/>), read from
/// <c>repoml_requests_total</c>'s <c>status</c> label: client errors (400, 401, 413, …) do not count by themselves.
/// Bodies the deployment refused (400, 422) are kept apart as <see cref="RejectedBodies"/>: a candidate that refuses more
/// of the endpoint's traffic than the stable deployment does is at fault for the excess (<see cref="ChargeExcessRejections"/>),
/// while a client sending bad bodies to both deployments alike moves nothing.
/// </summary>
public sealed record DeploymentCounters(string Deployment, double Requests, double Errors, IReadOnlyList<(double UpperBound, double Count)> Buckets)
{
    public double? ErrorRate => Requests > 0 ? Errors / Requests : null;

    /// <summary>Requests answered 400 or 422: the body did not fit the protocol or the deployment's model.</summary>
    public double RejectedBodies { get; init; }

    /// <summary>
    /// These counters with the rejections in excess of <paramref name="stable"/>'s rate (over the same traffic split) counted
    /// as errors: the candidate refuses requests the stable deployment takes. Unchanged without a stable deployment's counters.
    /// </summary>
    public DeploymentCounters ChargeExcessRejections(DeploymentCounters? stable)
    {
        if (stable is null || Requests <= 0)
        {
            return this;
        }

        var stableRate = stable.Requests > 0 ? stable.RejectedBodies / stable.Requests : 0;
        return this with { Errors = Errors + Math.Max(0, RejectedBodies - (Requests * stableRate)) };
    }

    /// <summary>The counters of <paramref name="deployment"/> in a scrape; zeros when it has served nothing yet.</summary>
    public static DeploymentCounters From(IEnumerable<PrometheusSample> samples, string deployment)
    {
        var mine = samples.Where(s => s.Label("deployment") == deployment).ToList();
        var buckets = mine.Where(s => s.Name == ServingMetricNames.LatencyBucket && s.Label("le") is not null)
            .Select(s => (Bound(s.Label("le")!), s.Value))
            .OrderBy(b => b.Item1)
            .ToList();
        return new DeploymentCounters(
            deployment,
            mine.Where(s => s.Name == ServingMetricNames.Requests.Name).Sum(s => s.Value),
            mine.Where(s => s.Name == ServingMetricNames.Requests.Name && IsServerFault(s.Label("status"))).Sum(s => s.Value),
            buckets)
        {
            RejectedBodies = mine.Where(s => s.Name == ServingMetricNames.Requests.Name && s.Label("status") is "400" or "422")
                .Sum(s => s.Value),
        };
    }

    /// <summary>What happened since <paramref name="baseline"/>; the counters as they are when the server restarted since (they went down).</summary>
    public DeploymentCounters Since(DeploymentCounters? baseline)
    {
        if (baseline is null || baseline.Requests > Requests || baseline.Errors > Errors || baseline.RejectedBodies > RejectedBodies)
        {
            return this;
        }

        var before = baseline.Buckets.ToDictionary(b => b.UpperBound, b => b.Count);
        return this with
        {
            Requests = Requests - baseline.Requests,
            Errors = Errors - baseline.Errors,
            RejectedBodies = RejectedBodies - baseline.RejectedBodies,
            Buckets = [.. Buckets.Select(b => (b.UpperBound, Math.Max(0, b.Count - before.GetValueOrDefault(b.UpperBound))))],
        };
    }

    /// <summary>The 95th percentile latency in milliseconds, interpolated within a bucket as PromQL's histogram_quantile does.</summary>
    public double? P95LatencyMs => Quantile(0.95) is { } seconds ? seconds * 1000 : null;

    public double? Quantile(double q)
    {
        var total = Buckets.Count > 0 ? Buckets[^1].Count : 0;
        if (total <= 0)
        {
            return null;
        }

        var rank = q * total;
        var (lower, below) = (0.0, 0.0);
        foreach (var (bound, count) in Buckets)
        {
            if (count >= rank)
            {
                return double.IsPositiveInfinity(bound) ? lower : lower + ((bound - lower) * ((rank - below) / Math.Max(count - below,
                    double.Epsilon)));
            }

            (lower, below) = (bound, count);
        }

        return lower;
    }

    /// <summary>A one-line form for a commit trailer: <c>requests=N errors=M buckets=le:count,…</c>.</summary>
    public string Encode() => string.Create(CultureInfo.InvariantCulture,
        $"requests={Requests:R} errors={Errors:R} rejected={RejectedBodies:R} buckets={string.Join(',', Buckets.Select(b => $"{UpperBoundText(b.UpperBound)}:{b.Count:R}"))}");

    /// <summary>Reads <see cref="Encode"/>'s form back; null when the text is not one.</summary>
    public static DeploymentCounters? Decode(string deployment, string text)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f
            => f[0], f => f[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("requests", out var requests) || !fields.TryGetValue("errors", out var errors)
            || !double.TryParse(requests, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) || !double.TryParse(errors,
                NumberStyles.Float, CultureInfo.InvariantCulture, out var e))
        {
            return null;
        }

        var buckets = (fields.GetValueOrDefault("buckets") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(b => b.Split(':'))
            .Where(b => b.Length == 2)
            .Select(b => (Bound(b[0]), double.Parse(b[1], CultureInfo.InvariantCulture)))
            .ToList();
        var rejected = fields.TryGetValue("rejected", out var rejectedText) && double.TryParse(rejectedText, NumberStyles.Float, CultureInfo.InvariantCulture,
            out var x) ? x : 0; // absent in trailers written before rejections were counted
        return new DeploymentCounters(deployment, r, e, buckets) { RejectedBodies = rejected };
    }

    private static bool IsServerFault(string? status) =>
        int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && ServingStatus.IsServerFault(code);

    private static double Bound(string text) => text == "+Inf" ? double.PositiveInfinity : double.Parse(text, NumberStyles.Float,
        CultureInfo.InvariantCulture);

    private static string UpperBoundText(double bound) => double.IsPositiveInfinity(bound) ? "+Inf" : bound.ToString("R",
        CultureInfo.InvariantCulture);
}
