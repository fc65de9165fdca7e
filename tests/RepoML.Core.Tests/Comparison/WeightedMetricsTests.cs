namespace RepoML.Core.Tests.Comparison;

// The bootstrap's O(rows) metrics must equal the shared (scikit-learn-matching) metrics on the expanded resample.
public sealed class WeightedMetricsTests
{
    public static TheoryData<string> Tasks => new() { "binary", "multiclass", "regression" };

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Should_equal_the_metrics_of_the_expanded_resample_When_rows_are_weighted_by_counts(string task)
    {
        // Given a prediction set (binary scores with many ties) and a bootstrap-like count vector
        var set = task switch
        {
            "binary" => Fixtures.Binary(400, 7, 0.3),
            "multiclass" => Fixtures.Multiclass(400, 7),
            _ => Fixtures.Regression(400, 7, 20),
        };
        var random = new Random(11);
        var counts = new int[set.Rows];
        for (var i = 0; i < set.Rows; i++)
        {
            counts[random.Next(set.Rows)]++;
        }

        // When the weighted metrics are computed
        var weighted = new WeightedMetrics(set);
        var values = new double[weighted.Names.Count];
        weighted.Evaluate(counts, values, weighted.CreateScratch());

        // Then each equals the metric computed on the rows repeated by their counts
        var expected = Fixtures.Expand(set, counts).Metrics();
        for (var k = 0; k < values.Length; k++)
        {
            Assert.Equal(expected[weighted.Names[k]], values[k], 1e-9);
        }
    }

    [Fact]
    public void Should_equal_the_plain_metrics_When_every_row_counts_once()
    {
        // Given / When
        var set = Fixtures.Binary(250, 3, 0.2);
        var weighted = new WeightedMetrics(set);
        var values = new double[7];
        var scratch = weighted.CreateScratch();
        weighted.Evaluate(Enumerable.Repeat(1, set.Rows).ToArray(), values, scratch);
        Assert.All(scratch, v => Assert.Equal(0, v));

        // Then
        var plain = set.Metrics();
        Assert.All(Enumerable.Range(0, 7), k => Assert.Equal(plain[weighted.Names[k]], values[k], 1e-12));
    }
}
