using RepoML.Core.Monitoring;

namespace RepoML.Core.Tests.Monitoring;

public sealed class MonitorFileChecksTests
{
    private const string Monitor = """
        $schema: https://repoml.dev/schemas/monitor.schema.json
        name: credit-monitor
        endpoint: credit
        baseline:
          data: data/credit/credit.csv
        schedule:
          cron: "CRON"
        """;

    [Theory]
    [InlineData("0 6 * * *")]
    [InlineData("*/15 0-6 1,15 * MON-FRI")]
    public void Should_accept_the_schedule_When_it_is_a_five_field_cron(string cron) =>
        Assert.DoesNotContain(MonitorReader.Read("m.yml", Monitor.Replace("CRON", cron, StringComparison.Ordinal)).Diagnostics,
            d => d.Severity == Severity.Error);

    [Theory]
    [InlineData("every morning")]
    [InlineData("0 6 * *")]
    public void Should_refuse_the_schedule_at_its_position_When_it_is_not_a_cron(string cron)
    {
        // Given / When (issue 18: cron: "every morning" passed validate)
        var (_, diagnostics) = MonitorReader.Read("m.yml", Monitor.Replace("CRON", cron, StringComparison.Ordinal));

        // Then
        var error = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("RML0107", 7), (error.Id, error.Line!.Value));
        Assert.Contains("five fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_accept_a_policy_without_data_When_the_command_line_gives_it()
    {
        // Given a policy with no data: (issue 18: refused even with --data)
        const string policy = """
            $schema: https://repoml.dev/schemas/comparePolicy.schema.json
            task: binary
            gates:
              accuracy:
                threshold: 0.7
            """;

        // When
        var (read, diagnostics) = ComparePolicyReader.Read("p.yml", policy);

        // Then it reads, with no data
        Assert.Empty(diagnostics);
        Assert.Null(read!.Data);
    }
}
