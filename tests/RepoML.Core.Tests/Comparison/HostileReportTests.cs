using RepoML.Core.Reports;

namespace RepoML.Core.Tests.Comparison;

/// <summary>
/// Class labels and feature names come from datasets, sources and inputs from whoever ran the comparison: none of it may break the
/// pull-request comment's tables, add markup or links, ping anyone, or reach a terminal as an escape sequence.
/// </summary>
public sealed class HostileReportTests
{
    private const string Mention = "@octocat";

    private static readonly string[] Hostile =
    [
        "a\\|b", "x|y\nz", "<!-- hide -->", "[click](https://evil.example)", "`code`", Mention, "owner/repo#12", "\u001b[31mred\u001b[0m",
        "\"><img src=x onerror=alert(1)>", "&#64;octocat", "**bold**", "rtl\u202Eevil",
    ];

    [Fact]
    public void Should_keep_every_table_whole_and_show_hostile_text_as_text_When_labels_features_and_sources_are_hostile()
    {
        // Given
        var markdown = MarkdownReport.Render(Report());

        // Then every row has its header's cells, and nothing hostile is read as Markdown, HTML, a mention or an escape
        MarkdownTables.AssertWhole(markdown);
        Assert.DoesNotContain(Mention, markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("repo#12", markdown, StringComparison.Ordinal);
        Assert.Equal(0, MarkdownTables.Unescaped(markdown, '&'));
        Assert.DoesNotContain('\u001b', markdown);
        Assert.DoesNotContain('\u202E', markdown);
        Assert.Equal(0, MarkdownTables.Unescaped(markdown, ']', followedBy: '('));
        var ours = new[] { "<details>", "</details>", "<summary>", "</summary>" }.Aggregate(markdown, (md, tag) => md.Replace(tag, "", StringComparison.Ordinal));
        Assert.Equal(0, MarkdownTables.Unescaped(ours, '<'));
    }

    [Fact]
    public void Should_leave_ordinary_names_as_they_were_When_encoding_cells_and_code()
    {
        Assert.Equal("credit_risk-2.v1:3/x", MarkdownText.Cell("credit_risk-2.v1:3/x"));
        Assert.Equal("`credit:3`", MarkdownText.Code("credit:3"));
        Assert.Equal("`` a`b ``", MarkdownText.Code("a`b"));
        Assert.Equal("`a\\|b`", MarkdownText.Code("a|b", inTable: true));
        MarkdownTables.AssertWhole("| a | b |\n|---|---|\n| " + MarkdownText.Code("x\\|y", inTable: true) + " | z |\n");
        Assert.Equal("a\\\\\\|b", MarkdownText.Cell("a\\|b"));
        Assert.Equal("\\\\u001B\\[31m", MarkdownText.Cell("\u001b[31m"));
    }

    [Fact]
    public void Should_fit_the_comment_in_githubs_limit_and_keep_the_verdict_When_values_are_huge()
    {
        // Given a 100 kB class label and 2,000 features with 300-character names
        var huge = new string('x', 100_000);
        var truth = Fixtures.Binary(300, 1, 0.35);
        var labelled = PredictionSet.Binary([.. truth.ActualClass.Select(a => a == 1)], [.. truth.PredictedClass.Select(p => p == 1)],
            [.. truth.Probabilities], ["bad\uD83D\uDE00" + huge, "good"]);
        IReadOnlyList<FeatureImportance> importance = [.. Enumerable.Range(0, 2000).Select(i => new FeatureImportance($"{i}{new string('f', 300)}", 0.01, 0))];
        var report = ComparisonBuilder.Build(new ComparisonInputs("credit", "test.csv", ComparePolicy.Default with { Resamples = 10 }, labelled,
            new ModelSummary("run 1", 1, 1), null, null, importance, []));

        // When
        var markdown = MarkdownReport.Render(report);
        var body = CommentMarker.Body("credit", markdown);

        // Then no cell holds the whole value, and the comment fits with its verdict and metrics
        Assert.DoesNotContain(new string('x', MarkdownText.MaxValueLength + 1), markdown, StringComparison.Ordinal);
        Assert.True(body.Length <= CommentMarker.MaxBodyLength, $"{body.Length} characters");
        Assert.StartsWith(CommentMarker.For("credit") + "\n## ", body, StringComparison.Ordinal);
        Assert.Contains("| roc_auc", body, StringComparison.Ordinal);
        Assert.EndsWith("The full report is in the run's output._\n", body, StringComparison.Ordinal);
        Assert.Equal(CommentMarker.For("credit") + "\nshort", CommentMarker.Body("credit", "short"));
    }

    [Fact]
    public void Should_encode_every_hostile_value_and_forbid_scripts_When_rendering_the_html_report()
    {
        // Given / When
        var html = HtmlReport.Render(Report());

        // Then no element or attribute comes from the data, and the page's policy admits no script
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<!-- hide", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("content=\"default-src 'none'; style-src 'unsafe-inline';", html, StringComparison.Ordinal);
    }

    private static ComparisonReport Report()
    {
        var truth = Fixtures.Binary(300, 1, 0.35);
        PredictionSet Labelled(PredictionSet set) => PredictionSet.Binary([.. set.ActualClass.Select(a => a == 1)],
            [.. set.PredictedClass.Select(p => p == 1)], [.. set.Probabilities], [Hostile[2], Hostile[1]]);
        var candidate = Labelled(truth);
        var baseline = Labelled(Fixtures.BinaryLike(truth, 2, 0.5));
        var policy = ComparePolicy.Default with { PrimaryMetric = "roc_auc", Resamples = 50, TopDisagreements = 5 };
        IReadOnlyList<FeatureImportance> importance = [.. Hostile.Select((h, i) => new FeatureImportance(h, 0.01 * i, 0.001))];
        IReadOnlyList<ModelFact> facts = [.. Hostile.Select((h, i) => new ModelFact($"input {h}", Hostile[^(i + 1)]))];
        return ComparisonBuilder.Build(new ComparisonInputs("credit", "data/" + Hostile[3] + Hostile[4], policy, candidate,
            new ModelSummary("run `x` | `y`", 1, 1, facts), baseline, new ModelSummary("credit:3\n| injected |", 1, 1, facts), importance,
            importance));
    }
}
