namespace RepoML.Core.Tests.Rollout;

/// <summary>Desired (Git) beside observed (live): the drift rules, and how the decision uses them.</summary>
public sealed class ReconciliationTests
{
    private const string Digest1 = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string Digest2 = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    private static readonly RolloutPlan Plan = new("credit", "prod", null, null,
        [new RolloutStep(10, TimeSpan.Zero, new HealthGates(0.01, 250, 1)), new RolloutStep(100, TimeSpan.Zero, new HealthGates(0.01, 250, 1))],
        RollbackRule.Default);

    [Fact]
    public void Should_report_drift_When_the_live_digest_differs_although_the_version_number_matches()
    {
        var sync = EndpointDrift.Compare([Desired("green", 2, Digest2, 0)], [Observed("green", "2", Digest1, 0)]);

        var green = Assert.Single(sync);
        Assert.False(green.InSync);
        Assert.Contains("serves credit:2 (sha256:111111111111), Git says credit:2 (sha256:222222222222)", green.Differences);
    }

    [Fact]
    public void Should_report_each_kind_of_drift_When_traffic_a_failed_reload_or_a_missing_deployment_disagree()
    {
        var sync = EndpointDrift.Compare(
            [Desired("blue", 1, Digest1, 90), Desired("green", 2, Digest2, 10), Desired("red", 2, Digest2, 0)],
            [Observed("blue", "1", Digest1, 100), Observed("green", "2", Digest2, 10) with { Error = "cannot resolve" }, Observed("old", "1", Digest1, 0)]);

        Assert.Equal(["blue", "green", "old", "red"], sync.Select(s => s.Name));
        Assert.Equal(["takes 100 % of traffic, Git says 90 %"], sync[0].Differences);
        Assert.Equal(["last reload failed: cannot resolve"], sync[1].Differences);
        Assert.Equal(["served live but not in the endpoint files"], sync[2].Differences);
        Assert.Equal(["not served live"], sync[3].Differences);
    }

    [Fact]
    public void Should_be_in_sync_When_digests_and_traffic_match()
    {
        var live = new LiveState(EndpointDrift.Compare([Desired("blue", 1, Digest1, 100)], [Observed("blue", "1", Digest1, 100)]));

        Assert.True(live.InSync);
        Assert.Equal("blue credit:1 (sha256:111111111111) 100 %", live.Served);
    }

    [Fact]
    public void Should_block_the_shift_When_the_candidate_does_not_serve_the_target_yet()
    {
        var live = new LiveState(EndpointDrift.Compare([Desired("blue", 1, Digest1, 100), Desired("green", 2, Digest2, 0)],
            [Observed("blue", "1", Digest1, 100), Observed("green", "1", Digest1, 0)]));

        var decision = RolloutDecider.Decide(Request(live));

        Assert.Equal(PromotionAction.Blocked, decision.Action);
        Assert.Contains("green serves credit:1 (sha256:111111111111), Git says credit:2 (sha256:222222222222)", decision.Reason,
            StringComparison.Ordinal);
        Assert.Equal(0, decision.Traffic["green"]);
    }

    [Fact]
    public void Should_block_the_shift_When_the_live_endpoint_cannot_be_read_and_shift_once_it_is_in_sync()
    {
        var unread = RolloutDecider.Decide(Request(new LiveState(null, "connection refused")));
        var synced = RolloutDecider.Decide(Request(new LiveState(EndpointDrift.Compare([Desired("green", 2, Digest2, 0)],
            [Observed("green", "2", Digest2, 0)]))));

        Assert.Equal(PromotionAction.Blocked, unread.Action);
        Assert.Contains("connection refused", unread.Reason, StringComparison.Ordinal);
        Assert.Equal(PromotionAction.Shift, synced.Action);
        Assert.Equal(10, synced.Traffic["green"]);
    }

    [Fact]
    public void Should_name_the_failed_comparison_gates_When_the_candidate_failed_the_comparison()
    {
        var request = Request(null) with
        {
            Plan = Plan with { Compare = new CompareGate("models/credit.compare.yml", null) },
            Evidence = new GateEvidence(null, false, null, ComparisonFailures: ["accuracy threshold: 0.81 is below 0.9"]),
        };

        var decision = RolloutDecider.Decide(request);

        Assert.Equal(PromotionAction.Blocked, decision.Action);
        Assert.EndsWith("failed it: accuracy threshold: 0.81 is below 0.9", decision.Reason, StringComparison.Ordinal);
    }

    private static PromotionRequest Request(LiveState? live) =>
        new(Plan, new EndpointState("credit", new Dictionary<string, int> { ["blue"] = 100, ["green"] = 0 },
            [new DeploymentState("blue", "azureml:credit:1", 1), new DeploymentState("green", "azureml:credit:2", 2)]), "credit", 2, 1,
            new HashSet<int>(), false, GateEvidence.None, live);

    private static DesiredDeployment Desired(string name, int version, string digest, int traffic) =>
        new(name, $"azureml:credit:{version}", "credit", version, digest, traffic);

    private static ObservedDeploymentState Observed(string name, string version, string digest, int traffic) =>
        new(name, "credit", version, digest, traffic, null);
}
