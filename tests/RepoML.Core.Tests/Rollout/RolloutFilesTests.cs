using RepoML.Core.Monitoring;

namespace RepoML.Core.Tests.Rollout;

/// <summary>The plan file's checks, the in-place YAML edits, the metrics window and the commit trailers.</summary>
public sealed class RolloutFilesTests
{
    private const string ValidPlan = """
        $schema: https://repoml.dev/schemas/rolloutPlan.schema.json
        label: prod
        gates:
          max_error_rate: 0.01
          max_p95_latency_ms: 250
          min_requests: 50
        steps:
          - traffic: 10
            soak: 10m
          - traffic: 50
            soak: 1h30m
          - traffic: 100
        rollback:
          on_failed_gate: rollback
        """;

    [Fact]
    public void Should_read_steps_with_default_gates_When_the_plan_is_valid()
    {
        var (plan, diagnostics) = RolloutPlanReader.Read("rollout.yml", ValidPlan);

        Assert.Empty(diagnostics);
        Assert.Equal([10, 50, 100], plan!.Steps.Select(s => s.Traffic));
        Assert.Equal(TimeSpan.FromMinutes(90), plan.Steps[1].Soak);
        Assert.Equal(0.01, plan.Steps[2].Gates.MaxErrorRate);
    }

    [Theory]
    [InlineData("  - traffic: 100\n", "  - traffic: 90\n", "RML0802", 12)]
    [InlineData("    soak: 10m\n", "    soak: ten minutes\n", "RML0803", 9)]
    [InlineData("  - traffic: 50\n", "  - traffic: 5\n", "RML0801", 10)]
    [InlineData("  min_requests: 50\n", "  min_requests: 50\n  max_errors: 3\n", "RML0102", 7)]
    public void Should_report_at_the_line_When_the_plan_is_wrong(string find, string replace, string id, int line)
    {
        var (plan, diagnostics) = RolloutPlanReader.Read("rollout.yml", ValidPlan.Replace(find, replace, StringComparison.Ordinal));

        Assert.Null(plan);
        var diagnostic = Assert.Single(diagnostics, d => d.IsError);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(line, diagnostic.Line);
    }

    [Fact]
    public void Should_change_only_the_values_When_traffic_and_model_are_edited()
    {
        // Given: files with comments, quotes and odd spacing.
        const string endpoint = "name: credit\n# the split\ntraffic:\n  blue:   90   # stable\n  green: \"10\"\ntags: {a: b}\n";
        const string green = "name: green\nmodel: azureml:credit@latest # floating\ninstance_count: 1\n";
        var decision = new PromotionDecision(PromotionAction.Prepare, "", "", 2, "green", "blue", 0, 3,
            new Dictionary<string, int> { ["blue"] = 100,
                ["green"] = 0 }, new Dictionary<string, string> { ["green"] = "azureml:credit:2" }, null, []);

        // When
        var changed = EndpointFileEdits.Apply(decision, ("endpoint.yml", endpoint), new Dictionary<string, (string,
            string)> { ["green"] = ("green.yml", green) });

        // Then
        Assert.Equal("name: credit\n# the split\ntraffic:\n  blue:   100   # stable\n  green: \"0\"\ntags: {a: b}\n", changed["endpoint.yml"]);
        Assert.Equal("name: green\nmodel: azureml:credit:2 # floating\ninstance_count: 1\n", changed["green.yml"]);
    }

    [Fact]
    public void Should_append_a_traffic_entry_When_a_deployment_is_missing_from_the_split()
    {
        var root = (YamlMapping)YamlReader.Read("e.yml", "traffic:\n  blue: 100\nauth_mode: key\n").Root!;

        var text = YamlTextEditor.AppendEntry("traffic:\n  blue: 100\nauth_mode: key\n", root.GetMapping("traffic")!, "green", "10");

        Assert.Equal("traffic:\n  blue: 100\n  green: 10\nauth_mode: key\n", text);
    }

    [Fact]
    public void Should_measure_only_the_step_When_a_baseline_was_recorded()
    {
        // Given: a scrape in the server's format, and the counters recorded in the step's commit.
        const string scrape = """
            repoml_requests_total{deployment="green",protocol="score",status="200"} 150
            repoml_requests_total{deployment="green",protocol="score",status="500"} 50
            repoml_request_errors_total{deployment="green",reason="unexpected"} 50
            repoml_request_duration_seconds_bucket{deployment="green",le="0.001"} 100
            repoml_request_duration_seconds_bucket{deployment="green",le="0.002"} 200
            repoml_request_duration_seconds_bucket{deployment="green",le="+Inf"} 200
            repoml_requests_total{deployment="blue",protocol="score",status="200"} 999
            """;
        var now = DeploymentCounters.From(PrometheusText.Parse(scrape), "green");
        var baseline = DeploymentCounters.Decode("green", new DeploymentCounters("green", 100, 0, [(0.001, 100), (0.002, 100),
            (double.PositiveInfinity, 100)]).Encode());

        // When
        var window = now.Since(baseline);

        // Then: 100 requests in the step, half failed, all between 1 and 2 ms.
        Assert.Equal(200, now.Requests);
        Assert.Equal(100, window.Requests);
        Assert.Equal(0.5, window.ErrorRate);
        Assert.Equal(1.95, window.P95LatencyMs!.Value, 6);
    }

    [Fact]
    public void Should_read_rolled_back_versions_and_the_newest_baseline_from_commit_messages()
    {
        var decision = new PromotionDecision(PromotionAction.RollBack, "roll back", "error rate", 3, "blue", "green", 0, 3,
            new Dictionary<string, int> { ["blue"] = 0, ["green"] = 100 }, new Dictionary<string, string>(), null, [new GateCheck("error rate",
                false, "40%", "≤ 1%")]);
        var message = PromotionMessage.Format(decision, "credit", "credit", "Tester <t@example.com>", "endpoints/credit/rollout.yml",
            new DeploymentCounters("blue", 7, 2, []));

        Assert.StartsWith("Promote credit:3 on credit: roll back\n", message, StringComparison.Ordinal);
        Assert.Contains("Requested-by: Tester <t@example.com>", message, StringComparison.Ordinal);
        Assert.Equal(new HashSet<int> { 3 }, PromotionMessage.RolledBack([message, "unrelated"], "credit"));
        Assert.Equal(7, PromotionMessage.Baseline([message], "blue")!.Requests);
    }
}
