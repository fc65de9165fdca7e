namespace RepoML.Core.Rollout;

/// <summary>Checks one step's gates against the evidence: error rate, p95 latency, request count and soak time.</summary>
public static class RolloutGateEvaluator
{
    /// <summary>
    /// Error rate and latency fail only once the step has at least <c>min_requests</c> (a handful of requests proves nothing);
    /// requests and soak "fail" while the step is still young, which means wait, never roll back.
    /// </summary>
    public static IReadOnlyList<GateCheck> Check(RolloutStep step, GateEvidence evidence)
    {
        var checks = new List<GateCheck>();
        var counters = evidence.Candidate;
        var min = step.Gates.MinRequests ?? 1;
        var enough = counters is not null && counters.Requests >= min;
        if (counters is not null)
        {
            checks.Add(new GateCheck(Requests, enough, Invariant($"{counters.Requests:0}"), Invariant($"≥ {min}")));
        }

        if (step.Gates.MaxErrorRate is { } maxRate && counters is not null)
        {
            var rate = counters.ErrorRate ?? 0;
            checks.Add(new GateCheck(ErrorRate, !enough || rate <= maxRate, Invariant($"{rate:P2}"), Invariant($"≤ {maxRate:P2}")));
        }

        if (step.Gates.MaxP95LatencyMs is { } maxMs && counters is not null)
        {
            var p95 = counters.P95LatencyMs;
            checks.Add(new GateCheck(Latency, !enough || p95 is null || p95 <= maxMs, p95 is { } ms ? Invariant($"{ms:0.###} ms") : "no samples",
                Invariant($"≤ {maxMs} ms")));
        }

        var age = evidence.StepAge ?? TimeSpan.Zero;
        checks.Add(new GateCheck(Soak, age >= step.Soak, SoakDuration.Format(age), Invariant($"≥ {SoakDuration.Format(step.Soak)}")));
        return checks;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // The gates' names, as a check reports them (and a commit message records them).
    public const string ErrorRate = "error rate";
    public const string Latency = "p95 latency";
    public const string Requests = "requests";
    public const string Soak = "soak";
    public const string Comparison = "comparison";
}
