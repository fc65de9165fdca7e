namespace RepoML.Core.Tests.Comparison;

public sealed class ComparePolicyReaderTests
{
    private const string Valid = """
        $schema: https://repoml.dev/schemas/comparePolicy.schema.json
        data: ${{candidate.jobs.split.outputs.test}}/test.csv
        label: class
        task: binary
        primary_metric: roc_auc
        gates:
          roc_auc:
            threshold: 0.7
            min_absolute_change: -0.02
          log_loss:
            min_relative_change: 0.05
            greater_is_better: false
        bootstrap:
          resamples: 500
          seed: 7
        """;

    [Fact]
    public void Should_read_every_field_When_the_policy_is_valid()
    {
        // Given / When
        var (policy, diagnostics) = ComparePolicyReader.Read("models/credit.compare.yml", Valid);

        // Then
        Assert.Empty(diagnostics);
        Assert.NotNull(policy);
        Assert.Equal(RepoML.Core.Metrics.MlTask.Binary, policy.Task);
        Assert.Equal("roc_auc", policy.PrimaryMetric);
        Assert.Equal((500, 7), (policy.Resamples, policy.Seed));
        Assert.Equal(new MetricGate("roc_auc", 0.7, -0.02), policy.Gates[0] with { Span = null });
        Assert.Equal(new MetricGate("log_loss", MinRelativeChange: 0.05, GreaterIsBetter: false), policy.Gates[1] with { Span = null });
        Assert.Equal(7, policy.Gates[0].Span!.Line);
    }

    [Fact]
    public void Should_point_at_the_key_with_a_suggestion_When_a_gate_names_an_unknown_metric()
    {
        // Given
        var text = Valid.Replace("  log_loss:", "  logloss:", StringComparison.Ordinal);

        // When
        var (policy, diagnostics) = ComparePolicyReader.Read("models/credit.compare.yml", text);

        // Then
        Assert.Null(policy);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("RML0104", 10, 3), (d.Id, d.Line!.Value, d.Column!.Value));
        Assert.Contains("did you mean 'log_loss'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_schema_and_meaning_errors_When_fields_are_wrong()
    {
        // Given a metric of another task, a gate without rules, a wrong type and an unknown field
        const string text = """
            $schema: https://repoml.dev/schemas/comparePolicy.schema.json
            data: data/credit/credit.csv
            task: binary
            primary_metric: rmse
            gates:
              accuracy:
                greater_is_better: true
              f1:
                threshold: high
            colour: blue
            """;

        // When
        var (_, diagnostics) = ComparePolicyReader.Read("p.yml", text);

        // Then
        Assert.Equal(
            ["p.yml:4:17 RML0104", "p.yml:7:5 RML0101", "p.yml:9:16 RML0103", "p.yml:10:1 RML0102"],
            diagnostics.OrderBy(d => d.Line).Select(d => $"{d.File}:{d.Line}:{d.Column} {d.Id}"));
    }

    [Fact]
    public void Should_validate_the_policy_instead_of_skipping_it_When_the_workspace_loader_reads_it()
    {
        // Given a policy with one bad value, loaded as repoml validate does
        var text = Valid.Replace("threshold: 0.7", "threshold: [1]", StringComparison.Ordinal);

        // When
        var file = SpecFileLoader.Load("models/credit.compare.yml", FileText.Of(text));

        // Then it is not reported as an unsupported schema (RML0003) but checked
        Assert.DoesNotContain(file.Diagnostics, d => d.Id == "RML0003");
        var d = Assert.Single(file.Diagnostics);
        Assert.Equal(("RML0103", 8), (d.Id, d.Line!.Value));
        Assert.Equal("comparePolicy", RepoMLSchemas.KindOf(RepoMLSchemas.SchemaUrl("comparePolicy")));
    }
}
