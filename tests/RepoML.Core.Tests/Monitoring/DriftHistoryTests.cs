using RepoML.Core.Monitoring;

namespace RepoML.Core.Tests.Monitoring;

public sealed class DriftHistoryTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Should_read_back_every_figure_When_the_history_was_written()
    {
        // Given two windows with a p-value, a distance and a missing share
        var windows = new[] { Window(0, 0.8), Window(1, 1e-30) with { Share = null } };

        // When written and read
        var (read, problem) = DriftHistory.Read(DriftHistory.Write(windows));

        // Then nothing is lost
        Assert.Null(problem);
        Assert.Equal(2, read.Count);
        Assert.Equal(windows[0].From, read[0].From);
        Assert.Equal(windows[1].To, read[1].To);
        Assert.Null(read[1].Share);
        Assert.Equal(windows[1].Features, read[1].Features);
    }

    [Fact]
    public void Should_read_back_the_dataset_verdict_and_alerts_When_written_and_none_When_not_computed()
    {
        // Given a window whose dataset drifted with two alerts, and one whose dataset drift was not computed
        var text = DriftHistory.Write([Window(0, 0.01) with { Drifted = true, Alerts = 2 }]);
        var (uncomputed, _) = DriftHistory.Read(DriftHistory.Write([Window(0, 0.01)]));

        // When read
        var (read, problem) = DriftHistory.Read(text);

        // Then the verdict and count come back; the other reads as "not computed", no alerts
        Assert.Null(problem);
        Assert.Equal((true, 2), (Assert.Single(read).Drifted, read[0].Alerts));
        Assert.Equal(((bool?)null, 0), (Assert.Single(uncomputed).Drifted, uncomputed[0].Alerts));
    }

    [Fact]
    public void Should_keep_the_window_When_a_figure_is_not_finite()
    {
        // Given a distance that overflowed to infinity and a statistic that is not a number
        var window = new DriftWindow(Start, Start.AddHours(1), double.PositiveInfinity,
            [new DriftPoint("income", "wasserstein", double.PositiveInfinity, 0.1, true), new DriftPoint("age", "ks", double.NaN, 0.05, false)]);

        // When written and read
        var (read, problem) = DriftHistory.Read(DriftHistory.Write([window]));

        // Then the window is kept, its non-finite figures read back as "no figure"
        Assert.Null(problem);
        var only = Assert.Single(read);
        Assert.Null(only.Share);
        Assert.True(double.IsNaN(only.Features[0].Value));
        Assert.True(only.Features[0].Drifted);
        Assert.True(double.IsNaN(only.Features[1].Value));
    }

    [Theory]
    [InlineData("\"value\":0.8", "\"value\":0.9")]
    [InlineData("\"drifted\":false", "\"drifted\":true")]
    public void Should_refuse_the_windows_When_a_figure_was_changed_after_writing(string find, string replace)
    {
        // Given a written history edited by hand (or torn and patched)
        var text = DriftHistory.Write([Window(0, 0.8)]);
        Assert.Contains(find, text, StringComparison.Ordinal);

        // When read
        var (read, problem) = DriftHistory.Read(text.Replace(find, replace, StringComparison.Ordinal));

        // Then its windows are not trusted
        Assert.Empty(read);
        Assert.Equal("its windows do not match its digest (torn or edited)", problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"schema\":\"repoml.monitor-history/v1\",\"digest\":\"sha256:")]
    [InlineData("[]")]
    public void Should_say_what_is_wrong_When_the_file_is_not_a_history(string text)
    {
        var (read, problem) = DriftHistory.Read(text);

        Assert.Empty(read);
        Assert.NotNull(problem);
    }

    [Fact]
    public void Should_keep_the_newest_windows_and_replace_a_rerun_When_windows_are_appended()
    {
        // Given a full history of 5 windows
        IReadOnlyList<DriftWindow> history = [.. Enumerable.Range(0, 5).Select(h => Window(h, 0.5))];

        // When the newest window is run again, then a new one is added
        var rerun = DriftHistory.Append(history, Window(4, 0.01), max: 5);
        var added = DriftHistory.Append(rerun, Window(5, 0.5), max: 5);

        // Then the rerun replaced its window and the oldest window gave way to the new one
        Assert.Equal(5, rerun.Count);
        Assert.Equal(0.01, rerun[^1].Features[0].Value);
        Assert.Equal(Enumerable.Range(1, 5).Select(h => Start.AddHours(h + 1)), added.Select(w => w.To));
    }

    [Theory]
    [InlineData("ks", 1.0, 0.05, 0.0)]
    [InlineData("ks", 0.05, 0.05, 1.0)]
    [InlineData("chisquare", 0.0025, 0.05, 2.0)]
    [InlineData("psi", 0.25, 0.1, 2.5)]
    [InlineData("wasserstein", 0.05, 0.1, 0.5)]
    public void Should_put_every_test_on_one_scale_with_the_threshold_at_1(string test, double value, double threshold, double score) =>
        Assert.Equal(score, new DriftPoint("f", test, value, threshold, false).Score, 9);

    private static DriftWindow Window(int hour, double ks) => new(Start.AddHours(hour), Start.AddHours(hour + 1), 0.25,
        [new DriftPoint("credit_amount", "ks", ks, 0.05, ks < 0.05), new DriftPoint("housing", "psi", 0.12, 0.1, true)]);
}
