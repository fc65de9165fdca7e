namespace RepoML.Core.Rollout;

/// <summary>
/// The pure decision of <c>repoml promote</c>: from the declared endpoint state, the registry's target version and the
/// gate evidence, the one next step. Rules (docs/rollout.md):
/// <list type="number">
/// <item>No deployment serves the target (pinned): prepare — the idle deployment (least traffic) gets the target at 0 %, the stable one is
/// pinned at 100 %.</item>
/// <item>The candidate is at 0 %: the comparison gate (when the plan has one) must pass; then shift to the first step.</item>
/// <item>The candidate is at a step: a failed gate (with at least min_requests) rolls back or holds; too little soak or data waits;
/// otherwise shift to the next step, or after the last one complete by moving the label.</item>
/// <item>Reconciliation (when the live state is given): no step but a prepare is taken unless the live endpoint was read and serves
/// exactly what Git says (digests and traffic) — traffic never moves onto a deployment that does not serve the target's digest, and
/// gates never judge a model other than the one Git names. A prepare goes ahead when the endpoint cannot be read (it adds a
/// deployment at 0 %), but not when it was read and disagrees.</item>
/// </list>
/// </summary>
public static class RolloutDecider
{
    private static readonly IReadOnlyDictionary<string, string> NoModels = new Dictionary<string, string>();

    public static PromotionDecision Decide(PromotionRequest request)
    {
        var state = request.State;
        var plan = request.Plan;
        var target = request.Reference(request.Target);
        if (state.Deployments.Count < 2)
        {
            return Blocked(request, null, null, $"endpoint {state.Name} has {state.Deployments.Count} deployment(s); a rollout needs " +
                $"two (e.g. blue and green)");
        }

        if (state.Deployments.FirstOrDefault(d => d.ModelReference is null) is { } inline)
        {
            return Blocked(request, null, null, $"deployment {inline.Name} serves an inline model; promotion moves registered versions " +
                $"only (use model: azureml:{request.Model}:N)");
        }

        var candidate = state.Deployments.Where(d => d.Version == request.Target && d.IsPinned).OrderByDescending(d
            => state.TrafficOf(d.Name)).FirstOrDefault();
        if (candidate is null)
        {
            return Prepare(request, target);
        }

        var stable = Stable(state, candidate.Name);
        var traffic = state.TrafficOf(candidate.Name);
        if (traffic == 100 && request.LabelVersion == request.Target)
        {
            return Decision(request, PromotionAction.UpToDate, $"{target} serves all traffic on {state.Name}",
                $"{candidate.Name} serves {target} with 100 % and @{plan.Label} names it; nothing to do", candidate, stable, plan.Steps.Count,
                state.Traffic, NoModels, []);
        }

        if (request.Live is { InSync: false } live)
        {
            return Blocked(request, candidate, stable, live.Problem is { } problem
                ? $"cannot read what the live endpoint serves ({problem}); traffic moves only onto a deployment that serves {target}'s digest"
                : $"the live endpoint does not serve what Git says: {live.Drift}; wait until it applies the last step, then promote again");
        }

        var stepIndex = LastIndex(plan.Steps, s => s.Traffic <= traffic);
        if (stepIndex < 0)
        {
            return FromIdle(request, candidate, stable);
        }

        var step = plan.Steps[stepIndex];
        var checks = RolloutGateEvaluator.Check(step, request.Evidence);
        var stepText = $"step {stepIndex + 1} of {plan.Steps.Count} ({traffic} %)";
        if (request.Evidence.Candidate is null)
        {
            return Decision(request, PromotionAction.Blocked, $"cannot read the health of {candidate.Name}",
                $"the live endpoint's metrics could not be read ({request.Evidence.MetricsProblem ?? "no metrics address"}); no gate " +
                $"can be checked at {stepText}", candidate, stable, stepIndex + 1, state.Traffic, NoModels, checks);
        }

        var failed = checks.Where(c => !c.Passed && c.Gate is RolloutGateEvaluator.ErrorRate or RolloutGateEvaluator.Latency).ToList();
        if (failed.Count > 0)
        {
            return Failed(request, candidate, stable, stepIndex, checks,
                $"{candidate.Name} ({target}) failed {string.Join(" and ", failed.Select(f => f.Gate))} at {stepText}");
        }

        var waiting = checks.Where(c => !c.Passed).ToList();
        if (waiting.Count > 0)
        {
            return Decision(request, PromotionAction.Wait, $"{candidate.Name} ({target}) stays at {traffic} %",
                $"{stepText} is not done: {string.Join("; ", waiting)}", candidate, stable, stepIndex + 1, state.Traffic, NoModels, checks);
        }

        if (stepIndex == plan.Steps.Count - 1)
        {
            return Decision(request, PromotionAction.Complete, $"{target} is @{plan.Label} on {state.Name}",
                $"{candidate.Name} held every gate at {stepText}; the rollout of {target} is complete and @{plan.Label} moves to it", candidate,
                stable, stepIndex + 1, state.Traffic, NoModels, checks) with { Label = plan.Label };
        }

        var next = plan.Steps[stepIndex + 1].Traffic;
        return Decision(request, PromotionAction.Shift, $"{candidate.Name} ({target}) {traffic} % → {next} %",
            $"{candidate.Name} held every gate at {stepText}", candidate, stable, stepIndex + 2, Split(state, candidate.Name, stable?.Name,
            next), NoModels, checks);
    }

    private static PromotionDecision Prepare(PromotionRequest request, string target)
    {
        var state = request.State;
        if (request.RolledBack.Contains(request.Target) && !request.ExplicitTarget)
        {
            return Blocked(request, null, null, $"{target} was rolled back on {state.Name} before; register a fixed version, or pass " +
                $"--to-version {request.Target} to try it again");
        }

        if (request.Live is { Problem: null, InSync: false } live)
        {
            return Blocked(request, null, null, $"the live endpoint does not serve what Git says: {live.Drift}; wait until it applies the " +
                $"files, then promote again");
        }

        var ordered = state.Deployments.OrderByDescending(d => state.TrafficOf(d.Name)).ThenBy(d => d.Name, StringComparer.Ordinal).ToList();
        var stable = ordered[0];
        var idle = ordered[^1];
        if (stable.Version is null)
        {
            return Blocked(request, idle, stable, $"cannot tell which version {stable.Name} serves ('{stable.ModelReference}'); pin it " +
                $"as azureml:{request.Model}:N first");
        }

        var models = new Dictionary<string, string>(StringComparer.Ordinal) { [idle.Name] = target };
        if (!stable.IsPinned)
        {
            // A floating reference (@latest) would silently move the stable deployment to the new version on its next reload.
            models[stable.Name] = request.Reference(stable.Version.Value);
        }

        var reason = $"{target} is the version to roll out; {idle.Name} was the idle deployment ({state.TrafficOf(idle.Name)} %), " +
            $"{stable.Name} serves {request.Reference(stable.Version.Value)}";
        var checks = new List<GateCheck>();
        return Decision(request, PromotionAction.Prepare, $"prepare {idle.Name} with {target} at 0 %", reason, idle, stable, 0, Split(state,
            idle.Name, stable.Name, 0), models, checks);
    }

    private static PromotionDecision FromIdle(PromotionRequest request, DeploymentState candidate, DeploymentState? stable)
    {
        var first = request.Plan.Steps[0].Traffic;
        var target = request.Reference(request.Target);
        var checks = new List<GateCheck>();
        if (request.Plan.Compare is { } compare)
        {
            var passed = request.Evidence.ComparisonPassed;
            checks.Add(new GateCheck(RolloutGateEvaluator.Comparison, passed == true,
                passed is null ? "not run" : passed.Value ? "passed" : "failed", compare.Policy));
            if (passed != true)
            {
                return Decision(request, PromotionAction.Blocked, $"{target} gets no traffic",
                    $"the candidate must pass {compare.Policy} before any traffic; it {(passed is null ? "was not compared" : "failed it")}" +
                    (request.Evidence.ComparisonFailures is { Count: > 0 } gates ? $": {string.Join("; ", gates)}" : ""),
                    candidate, stable, 0, request.State.Traffic, NoModels, checks);
            }
        }

        return Decision(request, PromotionAction.Shift, $"{candidate.Name} ({target}) 0 % → {first} %",
            $"{candidate.Name} serves {target}; first step of the plan", candidate, stable, 1, Split(request.State, candidate.Name, stable?.Name,
            first), NoModels, checks);
    }

    private static PromotionDecision Failed(PromotionRequest request, DeploymentState candidate, DeploymentState? stable, int stepIndex,
        IReadOnlyList<GateCheck> checks, string reason)
    {
        var rule = request.Plan.Rollback;
        if (rule.OnFailedGate == FailedGateAction.Hold || stable is null)
        {
            return Decision(request, PromotionAction.Hold,
                $"{candidate.Name} held at {request.State.TrafficOf(candidate.Name)} % for a person to decide", reason, candidate, stable,
                stepIndex + 1, request.State.Traffic, NoModels, checks);
        }

        var models = new Dictionary<string, string>(StringComparer.Ordinal);
        if (rule.RestoreModel && stable.Version is { } good)
        {
            models[candidate.Name] = request.Reference(good);
        }

        var restored = stable.Version is { } v ? $" and {candidate.Name} back to {request.Reference(v)}" : "";
        return Decision(request, PromotionAction.RollBack, $"roll back {request.Reference(request.Target)}: {stable.Name} 100 %",
            $"{reason}; {stable.Name} back to 100 %{(models.Count > 0 ? restored : "")}", candidate, stable, 0, Split(request.State,
            candidate.Name, stable.Name, 0), models, checks);
    }

    private static DeploymentState? Stable(EndpointState state, string candidate) =>
        state.Deployments.Where(d => d.Name != candidate).OrderByDescending(d => state.TrafficOf(d.Name)).ThenBy(d => d.Name,
            StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The candidate gets <paramref name="share"/>, the stable deployment the rest, every other deployment 0.</summary>
    private static Dictionary<string, int> Split(EndpointState state, string candidate, string? stable, int share)
    {
        var traffic = state.Deployments.ToDictionary(d => d.Name, _ => 0, StringComparer.Ordinal);
        traffic[candidate] = share;
        if (stable is not null)
        {
            traffic[stable] = 100 - share;
        }

        return traffic;
    }

    private static int LastIndex(IReadOnlyList<RolloutStep> steps, Func<RolloutStep, bool> predicate)
    {
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            if (predicate(steps[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static PromotionDecision Blocked(PromotionRequest request, DeploymentState? candidate, DeploymentState? stable, string reason) =>
        Decision(request, PromotionAction.Blocked, "promotion blocked", reason, candidate, stable, 0, request.State.Traffic, NoModels, []);

    private static PromotionDecision Decision(
        PromotionRequest request, PromotionAction action, string summary, string reason, DeploymentState? candidate, DeploymentState? stable, int
            step,
        IReadOnlyDictionary<string, int> traffic, IReadOnlyDictionary<string, string> models, IReadOnlyList<GateCheck> checks) =>
        new(action, summary, reason, request.Target, candidate?.Name, stable?.Name, step, request.Plan.Steps.Count, traffic, models, null, checks);
}
