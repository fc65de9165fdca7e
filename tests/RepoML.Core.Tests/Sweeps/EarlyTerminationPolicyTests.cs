using RepoML.Core.Sweeps;

namespace RepoML.Core.Tests.Sweeps;

/// <summary>Azure ML's early termination rules, decided on reported values alone.</summary>
public sealed class EarlyTerminationPolicyTests
{
    private static (IReadOnlyList<double>, bool)[] Others(params double[][] values) => [.. values.Select(v => ((IReadOnlyList<double>)v, false))];

    [Theory]
    [InlineData(0.79, true)]  // below 0.9 / (1 + 0.1) = 0.818…
    [InlineData(0.83, false)]
    public void Should_stop_a_trial_below_the_best_by_more_than_the_slack_factor_When_maximizing_with_bandit(double value, bool stopped)
    {
        var policy = new EarlyTerminationPolicy("bandit", 1, 0, SlackFactor: 0.1);

        Assert.Equal(stopped, policy.ShouldStop([0.5, value], Others([0.6, 0.9], [0.4, 0.7]), maximize: true));
    }

    [Theory]
    [InlineData(1.21, true)]  // above best 1.0 + 0.2
    [InlineData(1.19, false)]
    public void Should_stop_a_trial_above_the_best_by_more_than_the_slack_amount_When_minimizing_with_bandit(double value, bool stopped)
    {
        var policy = new EarlyTerminationPolicy("bandit", 1, 0, SlackAmount: 0.2);

        Assert.Equal(stopped, policy.ShouldStop([value], Others([1.0], [3.0]), maximize: false));
    }

    [Fact]
    public void Should_wait_for_the_delay_and_the_interval_When_deciding()
    {
        var policy = new EarlyTerminationPolicy("bandit", 2, 2, SlackAmount: 0);
        var others = Others([1, 1, 1, 1, 1]);

        // 2 reports: still delayed; 3: not a multiple of the interval; 4: decided
        Assert.False(policy.ShouldStop([9, 9], others, maximize: false));
        Assert.False(policy.ShouldStop([9, 9, 9], others, maximize: false));
        Assert.True(policy.ShouldStop([9, 9, 9, 9], others, maximize: false));
    }

    [Fact]
    public void Should_compare_the_best_value_so_far_with_the_median_of_running_averages_When_median_stopping()
    {
        var policy = new EarlyTerminationPolicy("median_stopping", 1, 0);

        // Others' running averages at 2 reports: 0.5, 0.7, 0.9 → median 0.7
        var others = Others([0.4, 0.6], [0.6, 0.8], [0.8, 1.0]);
        Assert.True(policy.ShouldStop([0.65, 0.6], others, maximize: true));
        Assert.False(policy.ShouldStop([0.72, 0.6], others, maximize: true));
    }

    [Fact]
    public void Should_stop_the_worst_percentage_at_the_interval_When_truncation_selection()
    {
        var policy = new EarlyTerminationPolicy("truncation_selection", 1, 0, TruncationPercentage: 50);

        // Four trials at this interval: the two lowest accuracies are cut
        var others = Others([0.9], [0.8], [0.6]);
        Assert.True(policy.ShouldStop([0.5], others, maximize: true));
        Assert.True(policy.ShouldStop([0.7], others, maximize: true));
        Assert.False(policy.ShouldStop([0.85], others, maximize: true));
    }

    [Fact]
    public void Should_leave_finished_trials_out_When_exclude_finished_jobs_is_set()
    {
        var policy = new EarlyTerminationPolicy("bandit", 1, 0, SlackAmount: 0, ExcludeFinishedJobs: true);

        Assert.False(policy.ShouldStop([5], [([1.0], true)], maximize: false));
        Assert.True(policy.ShouldStop([5], [([1.0], false)], maximize: false));
    }
}
