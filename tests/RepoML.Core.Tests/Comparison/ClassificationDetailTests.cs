using RepoML.Core.Reports;

namespace RepoML.Core.Tests.Comparison;

public sealed class ClassificationDetailTests
{
    [Fact]
    public void Should_count_the_confusion_matrix_and_per_class_metrics_When_a_binary_model_is_scored()
    {
        // Given 6 rows: truth [1,1,1,0,0,0], predictions [1,1,0,1,0,0] at probabilities that imply a 0.5 threshold
        var set = PredictionSet.Binary([true, true, true, false, false, false], [true, true, false, true, false, false],
            [0.9, 0.6, 0.4, 0.55, 0.2, 0.05], ["bad", "good"]);

        // When
        var detail = ClassificationDetail.Of(set)!;

        // Then rows are the truth, columns the prediction
        Assert.Equal([[2, 1], [1, 2]], detail.Confusion.Select(r => r.ToArray()).ToArray());
        var good = detail.PerClass[1];
        Assert.Equal(("good", 2.0 / 3, 2.0 / 3, 3), (good.Class, good.Precision, good.Recall, good.Support));
        Assert.Equal(set.Metrics()["precision"], good.Precision, 12);
        Assert.Equal(set.Metrics()["recall"], good.Recall, 12);
        Assert.Equal(0.55, detail.Threshold!.LowestPositive);
        Assert.Equal(0.4, detail.Threshold.HighestNegative);

        // And calibration puts each row in its probability's tenth, observed rate = share of positives there
        Assert.Equal(6, detail.Calibration.Sum(b => b.Count));
        var top = detail.Calibration.Single(b => b.Low == 0.9);
        Assert.Equal((1, 0.9, 1.0), (top.Count, top.MeanPredicted, top.Observed));
        Assert.Equal(0, detail.Calibration.Single(b => b.Low == 0.5).Observed);
    }

    [Fact]
    public void Should_have_no_detail_When_the_task_is_regression() =>
        Assert.Null(ClassificationDetail.Of(PredictionSet.Regression([1, 2], [1, 3])));

    [Fact]
    public void Should_mark_changed_parameters_When_the_models_were_made_differently()
    {
        // Given
        var candidate = new ModelSummary("c", 1, 1, [new("param number_of_trees", "8"), new("seed", "42")]);
        var baseline = new ModelSummary("b", 1, 1, [new("param number_of_trees", "30"), new("seed", "42"), new("input data", "sha256:ab")]);

        // When
        var table = ComparisonTables.Facts(candidate, baseline)!;

        // Then every fact of either model is a row; those both record and differ are marked changed
        Assert.Equal(["param number_of_trees", "seed", "input data"], table.Rows.Select(r => r[0]));
        Assert.Equal(["changed", null, null], table.RowClasses!);
        Assert.Equal("baseline only", table.Rows[2][3]);
        Assert.Equal("—", table.Rows[2][1]);
    }

    [Fact]
    public void Should_escape_markdown_and_html_When_a_cell_holds_hostile_text()
    {
        // Given a feature named to break out of a table and inject a link and a tag
        var table = new ReportTable(["feature"], [["a|b [x](javascript:alert(1)) <img src=x> **bold**"]], new HashSet<int>());

        // When / Then no pipe, bracket, tag or emphasis reaches either format unescaped
        var md = table.ToMarkdown().Split('\n')[2];
        Assert.Equal(@"| a\|b \[x\](javascript:alert(1)) \<img src=x> \*\*bold\*\* |", md);
        Assert.Contains("<td>a|b [x](javascript:alert(1)) &lt;img src=x&gt; **bold**</td>", table.ToHtml(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0.23, "0 0.1 0.2 0.3")]
    [InlineData(0, 1, "0 0.25 0.5 0.75 1")]
    [InlineData(-3.2, 7.9, "-5 0 5 10")]
    public void Should_choose_round_ticks_covering_the_range_When_drawing_an_axis(double low, double high, string expected) =>
        Assert.Equal(expected, string.Join(' ', SvgAxes.Ticks(low, high).Select(t => t.ToString(CultureInfo.InvariantCulture))));
}
