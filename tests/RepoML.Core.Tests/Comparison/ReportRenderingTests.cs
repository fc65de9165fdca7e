using System.Text.Json;
using Snapshooter.Xunit;

namespace RepoML.Core.Tests.Comparison;

// Inputs are fixed (seeded predictions, literal sources, sizes and latencies), so the reports need no scrubbing.
public sealed class ReportRenderingTests
{
    [Fact]
    public void Should_render_the_pull_request_comment_When_a_baseline_exists() =>
        Snapshot.Match(MarkdownReport.Render(Fixtures.Report(withBaseline: true)));

    [Fact]
    public void Should_say_no_baseline_and_skip_change_rules_When_there_is_no_baseline() =>
        Snapshot.Match(MarkdownReport.Render(Fixtures.Report(withBaseline: false)));

    [Fact]
    public void Should_render_self_contained_html_with_svg_charts_When_a_baseline_exists()
    {
        // Given / When
        var html = HtmlReport.Render(Fixtures.Report(withBaseline: true));

        // Then nothing is fetched or run, and the page is stable
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(4, html.Split("<svg").Length - 1); // deltas, ROC, PR, calibration
        Assert.Contains("purpose&lt;&amp;&gt;", html, StringComparison.Ordinal);
        Snapshot.Match(html);
    }

    [Fact]
    public void Should_write_the_interface_shape_When_rendering_json()
    {
        // Given / When
        var report = Fixtures.Report(withBaseline: true);
        var json = JsonDocument.Parse(ComparisonJson.Write(report)).RootElement;

        // Then {"verdict", "metrics": {NAME: {candidate, baseline, delta, ci95: [lo, hi]}}, "gates": [...]}
        Assert.Equal(report.Verdict, json.GetProperty("verdict").GetString());
        var auc = json.GetProperty("metrics").GetProperty("roc_auc");
        var metric = report.Metric("roc_auc")!;
        Assert.Equal(metric.Candidate, auc.GetProperty("candidate").GetDouble());
        Assert.Equal(metric.Baseline!.Value, auc.GetProperty("baseline").GetDouble());
        Assert.Equal(metric.Delta!.Value, auc.GetProperty("delta").GetDouble());
        Assert.Equal([metric.Ci95!.Low, metric.Ci95.High], auc.GetProperty("ci95").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(report.Gates.Count, json.GetProperty("gates").GetArrayLength());
        Assert.Equal("pass", json.GetProperty("gates")[0].GetProperty("status").GetString());
    }

    [Fact]
    public void Should_write_nulls_When_there_is_no_baseline()
    {
        // Given / When
        var json = JsonDocument.Parse(ComparisonJson.Write(Fixtures.Report(withBaseline: false))).RootElement;

        // Then
        Assert.Equal("no-baseline", json.GetProperty("verdict").GetString());
        var accuracy = json.GetProperty("metrics").GetProperty("accuracy");
        Assert.Equal(JsonValueKind.Null, accuracy.GetProperty("baseline").ValueKind);
        Assert.Equal(JsonValueKind.Null, accuracy.GetProperty("ci95").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("baseline").ValueKind);
    }

    [Fact]
    public void Should_find_only_the_models_own_comment_When_several_models_comment_on_a_pull_request()
    {
        // Given
        (long, string)[] comments = [(1, "LGTM"), (2, CommentMarker.Body("fraud", "x")), (3, CommentMarker.Body("credit", "old")), (4,
            CommentMarker.Body("credit", "dup"))];

        // When / Then
        Assert.Equal(3, CommentMarker.FindExisting("credit", comments));
        Assert.Null(CommentMarker.FindExisting("churn", comments));
        Assert.Equal("<!-- repoml:compare:credit -->", CommentMarker.For("credit"));
    }
}
