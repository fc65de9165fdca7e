namespace RepoML.Core.Tests.Rollout;

/// <summary>The decision rules, one per test, on values only.</summary>
public sealed class RolloutDeciderTests
{
    private static readonly RolloutPlan Plan = new("credit", "prod", null, null,
    [
        new RolloutStep(10, TimeSpan.FromMinutes(10), new HealthGates(0.01, 250, 50)),
        new RolloutStep(50, TimeSpan.FromMinutes(30), new HealthGates(0.01, 250, 50)),
        new RolloutStep(100, TimeSpan.FromHours(1), new HealthGates(0.01, 250, 50)),
    ], RollbackRule.Default);

    [Fact]
    public void Should_prepare_the_idle_deployment_and_pin_the_stable_one_When_no_deployment_serves_the_target()
    {
        // Given: the sample endpoint (blue 90 / green 10, both on @latest, which meant credit:1 before credit:2).
        var request = Request(State(("blue", 90, "azureml:credit@latest", 1), ("green", 10, "azureml:credit@latest", 1)), target: 2);

        // When
        var decision = RolloutDecider.Decide(request);

        // Then
        Assert.Equal(PromotionAction.Prepare, decision.Action);
        Assert.Equal("green", decision.Candidate);
        Assert.Equal(new Dictionary<string, int> { ["blue"] = 100, ["green"] = 0 }, decision.Traffic);
        Assert.Equal(new Dictionary<string, string> { ["green"] = "azureml:credit:2", ["blue"] = "azureml:credit:1" }, decision.Models);
    }

    [Fact]
    public void Should_shift_to_the_first_step_When_the_candidate_is_prepared()
    {
        var decision = RolloutDecider.Decide(Request(State(("blue", 100, "azureml:credit:1", 1), ("green", 0, "azureml:credit:2", 2)), target: 2));

        Assert.Equal(PromotionAction.Shift, decision.Action);
        Assert.Equal(10, decision.Traffic["green"]);
        Assert.Equal(90, decision.Traffic["blue"]);
        Assert.Equal(1, decision.Step);
    }

    [Fact]
    public void Should_block_When_the_plan_has_a_comparison_and_the_candidate_failed_it()
    {
        var plan = Plan with { Compare = new CompareGate("models/credit.compare.yml", null) };
        var request = Request(State(("blue", 100, "azureml:credit:1", 1), ("green", 0, "azureml:credit:2", 2)), target: 2,
            evidence: new GateEvidence(null, false, null)) with { Plan = plan };

        var decision = RolloutDecider.Decide(request);

        Assert.Equal(PromotionAction.Blocked, decision.Action);
        Assert.Contains(decision.Checks, c => c.Gate == RolloutGateEvaluator.Comparison && !c.Passed);
    }

    [Fact]
    public void Should_shift_to_the_next_step_When_every_gate_held_for_the_soak_time()
    {
        var evidence = Live(requests: 200, errors: 1, fastMs: true, soaked: TimeSpan.FromMinutes(11));

        var decision = DecideCredit1To2(blue: 90, green: 10, target: 2, evidence: evidence);

        Assert.Equal(PromotionAction.Shift, decision.Action);
        Assert.Equal(50, decision.Traffic["green"]);
        Assert.All(decision.Checks, c => Assert.True(c.Passed, c.ToString()));
    }

    [Fact]
    public void Should_wait_When_the_step_has_not_soaked_long_enough()
    {
        var evidence = Live(requests: 200, errors: 0, fastMs: true, soaked: TimeSpan.FromMinutes(3));

        var decision = DecideCredit1To2(blue: 90, green: 10, target: 2, evidence: evidence);

        Assert.Equal(PromotionAction.Wait, decision.Action);
        Assert.Contains("soak 3m", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_wait_rather_than_roll_back_When_too_few_requests_failed()
    {
        var evidence = Live(requests: 5, errors: 5, fastMs: true, soaked: TimeSpan.FromHours(2));

        var decision = DecideCredit1To2(blue: 90, green: 10, target: 2, evidence: evidence);

        Assert.Equal(PromotionAction.Wait, decision.Action);
    }

    [Fact]
    public void Should_roll_back_traffic_and_model_When_the_error_rate_gate_fails_even_before_the_soak_ends()
    {
        var evidence = Live(requests: 100, errors: 40, fastMs: true, soaked: TimeSpan.FromMinutes(1));

        var decision = DecideCredit1To2(blue: 50, green: 50, target: 2, evidence: evidence);

        Assert.Equal(PromotionAction.RollBack, decision.Action);
        Assert.Equal(new Dictionary<string, int> { ["blue"] = 100, ["green"] = 0 }, decision.Traffic);
        Assert.Equal("azureml:credit:1", decision.Models["green"]);
        Assert.Contains("error rate", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_hold_When_the_plan_says_hold_and_the_latency_gate_fails()
    {
        var evidence = Live(requests: 100, errors: 0, fastMs: false, soaked: TimeSpan.FromHours(1));
        var request = Request(State(("blue", 90, "azureml:credit:1", 1), ("green", 10, "azureml:credit:2", 2)), target: 2, evidence: evidence) with
        {
            Plan = Plan with { Rollback = new RollbackRule(FailedGateAction.Hold, true) },
        };

        var decision = RolloutDecider.Decide(request);

        Assert.Equal(PromotionAction.Hold, decision.Action);
        Assert.Equal(10, decision.Traffic["green"]);
        Assert.Empty(decision.Models);
    }

    [Fact]
    public void Should_complete_by_moving_the_label_When_the_last_step_held()
    {
        var evidence = Live(requests: 500, errors: 0, fastMs: true, soaked: TimeSpan.FromHours(2));

        var decision = DecideCredit1To2(blue: 0, green: 100, target: 2, evidence: evidence, label: 1);

        Assert.Equal(PromotionAction.Complete, decision.Action);
        Assert.Equal("prod", decision.Label);
    }

    [Fact]
    public void Should_do_nothing_When_the_target_serves_everything_and_carries_the_label()
    {
        var decision = DecideCredit1To2(blue: 0, green: 100, target: 2, label: 2);

        Assert.Equal(PromotionAction.UpToDate, decision.Action);
        Assert.False(decision.ChangesSomething);
    }

    [Fact]
    public void Should_prepare_the_other_deployment_When_the_next_version_arrives_after_a_completed_rollout()
    {
        var decision = DecideCredit1To2(blue: 0, green: 100, target: 3, label: 2);

        Assert.Equal(PromotionAction.Prepare, decision.Action);
        Assert.Equal("blue", decision.Candidate);
        Assert.Equal("azureml:credit:3", decision.Models["blue"]);
    }

    [Fact]
    public void Should_refuse_a_rolled_back_version_unless_named_explicitly()
    {
        var state = State(("blue", 100, "azureml:credit:1", 1), ("green", 0, "azureml:credit:1", 1));
        var refused = RolloutDecider.Decide(Request(state, target: 3) with { RolledBack = new HashSet<int> { 3 } });
        var retried = RolloutDecider.Decide(Request(state, target: 3) with { RolledBack = new HashSet<int> { 3 }, ExplicitTarget = true });

        Assert.Equal(PromotionAction.Blocked, refused.Action);
        Assert.Contains("--to-version 3", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(PromotionAction.Prepare, retried.Action);
    }

    [Fact]
    public void Should_block_When_the_live_metrics_cannot_be_read_at_a_step()
    {
        var unread = new GateEvidence(null, null, TimeSpan.FromHours(1), "connection refused");

        var decision = DecideCredit1To2(blue: 90, green: 10, target: 2, evidence: unread);

        Assert.Equal(PromotionAction.Blocked, decision.Action);
        Assert.Contains("connection refused", decision.Reason, StringComparison.Ordinal);
    }

    /// <summary>Decides for the credit endpoint whose blue deployment serves credit:1 and green credit:2, with that traffic.</summary>
    private static PromotionDecision DecideCredit1To2(int blue, int green, int target, GateEvidence? evidence = null, int? label = null) =>
        RolloutDecider.Decide(Request(State(("blue", blue, "azureml:credit:1", 1), ("green", green, "azureml:credit:2", 2)), target, evidence,
            label));

    /// <summary>Green's live counters after <paramref name="soaked"/> at the current step.</summary>
    private static GateEvidence Live(double requests, double errors, bool fastMs, TimeSpan soaked) =>
        new(Counters(requests, errors, fastMs), null, soaked);

    private static PromotionRequest Request(EndpointState state, int target, GateEvidence? evidence = null, int? label = null) =>
        new(Plan, state, "credit", target, label, new HashSet<int>(), false, evidence ?? GateEvidence.None);

    private static EndpointState State(params (string Name, int Traffic, string Model, int Version)[] deployments) =>
        new("credit", deployments.ToDictionary(d => d.Name, d => d.Traffic), [.. deployments.Select(d => new DeploymentState(d.Name, d.Model,
            d.Version))]);

    private static DeploymentCounters Counters(double requests, double errors, bool fastMs) =>
        new("green", requests, errors, fastMs ? [(0.001, requests * 0.9), (0.01, requests), (double.PositiveInfinity, requests)] : [(0.1,
            requests * 0.5), (1, requests), (double.PositiveInfinity, requests)]);
}
