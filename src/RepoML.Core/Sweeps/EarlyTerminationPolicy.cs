namespace RepoML.Core.Sweeps;

/// <summary>
/// Azure ML's early termination policies, decided from the primary metric values each trial has reported so far (one value per
/// interval, in order). A pure function of those values: the same reports give the same decision.
/// </summary>
/// <remarks>
/// The policy is applied when a trial reports its n-th value, n past <see cref="DelayEvaluation"/> and a multiple of
/// <see cref="EvaluationInterval"/> (0 counts as 1), comparing with the other trials' n-th values:
/// bandit stops a trial worse than the best by more than the slack (factor: best·(1+f) when minimizing, best/(1+f) when
/// maximizing; amount: best ± a); median stopping stops a trial whose best value so far is worse than the median of the other
/// trials' running averages; truncation selection stops a trial among the worst <see cref="TruncationPercentage"/> percent.
/// </remarks>
public sealed record EarlyTerminationPolicy(
    string Type,
    int EvaluationInterval,
    int DelayEvaluation,
    double? SlackFactor = null,
    double? SlackAmount = null,
    int TruncationPercentage = 0,
    bool ExcludeFinishedJobs = false)
{
    /// <summary>Whether the trial that reported <paramref name="values"/> is stopped now.</summary>
    /// <param name="others">The other trials' reports and whether each has finished.</param>
    public bool ShouldStop(IReadOnlyList<double> values, IEnumerable<(IReadOnlyList<double> Values, bool Finished)> others, bool maximize)
    {
        var n = values.Count;
        if (n == 0 || n <= DelayEvaluation || n % Math.Max(1, EvaluationInterval) != 0)
        {
            return false;
        }

        var peers = others.Where(o => o.Values.Count >= n && !(ExcludeFinishedJobs && o.Finished)).Select(o => o.Values).ToList();
        if (peers.Count == 0)
        {
            return false;
        }

        var current = values[n - 1];
        bool Worse(double a, double b) => maximize ? a < b : a > b;
        switch (Type)
        {
            case "bandit":
                var best = maximize ? peers.Max(p => p[n - 1]) : peers.Min(p => p[n - 1]);
                var bound = SlackFactor is { } factor
                    ? (maximize ? best / (1 + factor) : best * (1 + factor))
                    : (maximize ? best - (SlackAmount ?? 0) : best + (SlackAmount ?? 0));
                return Worse(current, bound);
            case "median_stopping":
                var averages = peers.Select(p => p.Take(n).Average()).Order().ToList();
                var median = averages.Count % 2 == 1 ? averages[averages.Count / 2]
                    : (averages[(averages.Count / 2) - 1] + averages[averages.Count / 2]) / 2;
                var bestSoFar = maximize ? values.Max() : values.Min();
                return Worse(bestSoFar, median);
            case "truncation_selection":
                var all = peers.Select(p => p[n - 1]).Append(current).ToList();
                var cut = all.Count * TruncationPercentage / 100;
                var worseThanCurrent = all.Count(v => Worse(v, current));
                return worseThanCurrent < cut;
            default:
                throw new InvalidOperationException($"unknown early termination policy '{Type}'");
        }
    }
}
