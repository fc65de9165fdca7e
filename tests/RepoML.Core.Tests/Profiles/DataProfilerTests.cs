using System.Globalization;
using RepoML.Core.Monitoring;
using RepoML.Core.Profiles;

namespace RepoML.Core.Tests.Profiles;

public sealed class DataProfilerTests
{
    [Fact]
    public void Should_match_a_direct_computation_When_a_numeric_column_is_profiled()
    {
        // Given values with a known spread, written unordered, with missing cells
        var random = new Random(7);
        var values = Enumerable.Range(0, 5000).Select(_ => Math.Round(random.NextDouble() * 100, 3)).ToArray();
        var text = "x,y\n" + string.Join("\n", values.Select((v, i) => (i % 10 == 0 ? "" : v.ToString(CultureInfo.InvariantCulture)) + ",a"));

        // When
        var column = DataProfiler.Profile(text, "t.csv").Column("x")!;

        // Then the figures equal those computed here from the same values
        var present = values.Where((_, i) => i % 10 != 0).Order().ToArray();
        Assert.Equal(ColumnType.Number, column.Type);
        Assert.Equal(500, column.Missing);
        Assert.Equal(present.Average(), column.Numeric!.Mean, 9);
        Assert.Equal(present[0], column.Numeric.Min);
        Assert.Equal(present.Distinct().Count(), column.Distinct);
        var h = (present.Length - 1) * 0.25;
        Assert.Equal(present[(int)h] + (h - (int)h) * (present[(int)h + 1] - present[(int)h]), column.Numeric.Quantiles.Single(q => q.P == 0.25).Value, 9);
        Assert.Equal(present.Length, column.Histogram!.Counts.Sum());
    }

    [Fact]
    public void Should_count_a_value_in_the_bin_its_edges_say_When_it_lies_on_an_inner_edge()
    {
        // Given iris' sepal lengths 4.3 to 7.9: 20 bins of width 0.18, so 6.1 is edge 10, where (6.1 - 4.3) / 0.18 rounds below 10
        var values = new[] { 4.3, 6.1, 6.1, 7.9 };

        // When
        var histogram = DataProfiler.Profile("x\n" + string.Join("\n", values.Select(v => v.ToString(CultureInfo.InvariantCulture))), "t")
            .Column("x")!.Histogram!;

        // Then each value lies in its bin's [low, high), as numpy.histogram counts it
        Assert.Equal(6.1, histogram.Edges[10]);
        Assert.Equal(2, histogram.Counts[10]);
        Assert.Equal(0, histogram.Counts[9]);
        for (var i = 0; i < values.Length; i++)
        {
            var bin = Enumerable.Range(0, histogram.Counts.Count).Last(b => histogram.Edges[b] <= values[i]);
            Assert.True(histogram.Counts[bin] > 0, $"{values[i]} not counted in [{histogram.Edges[bin]}, {histogram.Edges[bin + 1]})");
        }
    }

    [Fact]
    public void Should_read_a_column_as_text_When_text_follows_numbers_far_into_the_file()
    {
        // Given a column of numbers whose last value is text (past the first chunk), and a quoted cell with a comma
        var text = "code,name\n" + string.Concat(Enumerable.Range(0, 300_000).Select(i => $"{i % 3},\"n, {i % 2}\"\n")) + "x9,\"n, 0\"\n";

        // When
        var profile = DataProfiler.Profile(text, "t.csv");

        // Then nothing read before the text is lost
        var code = profile.Column("code")!;
        Assert.Equal(ColumnType.String, code.Type);
        Assert.Equal(4, code.Distinct);
        Assert.Equal(300_001, code.Top.Sum(t => t.Count));
        Assert.Equal(300_001, profile.Rows);
        Assert.Equal(["n, 0", "n, 1"], profile.Column("name")!.Top.Select(t => t.Value).Order().ToArray());
    }

    [Fact]
    public void Should_name_the_line_When_a_row_has_the_wrong_number_of_cells()
    {
        var error = Assert.Throws<DataProfileException>(() => DataProfiler.Profile("a,b\n1,2\n3\n", "bad.csv"));
        Assert.StartsWith("bad.csv:3:", error.Message);
    }

    [Fact]
    public void Should_give_the_same_json_When_the_same_bytes_are_profiled_twice()
    {
        var text = "a,b\n" + string.Concat(Enumerable.Range(0, 200_000).Select(i => $"{i * 0.37 % 11},{(char)('a' + i % 7)}\n"));
        Assert.Equal(ProfileJson.Serialize(DataProfiler.Profile(text, "t")), ProfileJson.Serialize(ProfileJson.Parse(
            ProfileJson.Serialize(DataProfiler.Profile(text, "t")), "t")));
    }

    [Fact]
    public void Should_report_drift_and_schema_changes_When_two_profiles_differ()
    {
        // Given a shifted numeric column, a dropped column and a new one
        var before = DataProfiler.Profile("x,gone\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"{i % 100},1\n")), "v1");
        var same = DataProfiler.Profile("x,gone\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"{(i * 7) % 100},1\n")), "v1b");
        var after = DataProfiler.Profile("x,new\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"{50 + i % 100},a\n")), "v2");

        // When
        var unchanged = ProfileComparer.Compare(before, same);
        var diff = ProfileComparer.Compare(before, after);

        // Then
        Assert.True(unchanged.Columns.Single(c => c.Name == "x").Psi < 0.01);
        Assert.True(diff.Columns.Single(c => c.Name == "x").Psi > ColumnDiff.NotablePsi);
        Assert.Equal(ColumnChange.Removed, diff.Columns.Single(c => c.Name == "gone").Change);
        Assert.Equal(ColumnChange.Added, diff.Columns.Single(c => c.Name == "new").Change);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(11)]
    public void Should_find_two_samples_of_one_continuous_distribution_alike_When_their_histograms_have_different_edges(int seed)
    {
        // Given two samples of 300 from one bell curve (as two halves of breast cancer's measurements), each with its own edges
        var random = new Random(seed);
        double Draw() => Math.Round(50 + 10 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()), 2);
        var before = Enumerable.Range(0, 300).Select(_ => Draw()).ToArray();
        var after = Enumerable.Range(0, 300).Select(_ => Draw()).ToArray();

        // When the profiles are compared
        var (psi, fromValues) = ComparePsi("x", before, after);

        // Then PSI is near the one the monitor computes from the values themselves, and no drift is reported
        AssertAlikeAsTheMonitorFindsThem(psi, fromValues);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(11)]
    public void Should_find_two_samples_of_one_distribution_alike_When_their_histograms_have_different_edges(int seed)
    {
        // Given loan durations as credit data has them (mostly 12, 24, 36 and other multiples of 6 months, some in between,
        // 33 values), drawn twice from one distribution, so each half has its own min and max and so its own bin edges
        var random = new Random(seed);
        int[] common = [6, 12, 12, 12, 18, 24, 24, 24, 30, 36, 36, 48, 60];
        int Duration() => random.Next(4) == 0 ? 4 + random.Next(69) : common[random.Next(common.Length)];
        var before = Enumerable.Range(0, 500).Select(_ => (double)Duration()).ToArray();
        var after = Enumerable.Range(0, 500).Select(_ => (double)Duration()).ToArray();

        // When the profiles are compared
        var (psi, fromValues) = ComparePsi("duration", before, after);

        // Then PSI is near the one the monitor computes from the values themselves, and no drift is reported
        AssertAlikeAsTheMonitorFindsThem(psi, fromValues);
    }

    [Fact]
    public void Should_keep_every_value_When_a_decimal_column_has_few_distinct_values()
    {
        // Given ratios that take a few dozen values, some on halves (as diabetes' s4: 3, 3.5, 4, 4.5, 5.47 …)
        var values = Enumerable.Range(0, 600).Select(i => i % 7 == 0 ? 3 + (i % 40) * 0.137 : 2 + (i % 9) * 0.5).ToArray();

        // When profiled
        var column = DataProfiler.Profile("s4\n" + string.Join("\n", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))), "d")
            .Column("s4")!;

        // Then the profile holds every value with its count, so a diff or a monitor baseline reads the column exactly
        Assert.Equal(ColumnType.Number, column.Type);
        Assert.Equal(values.Distinct().Count(), column.Top.Count);
        Assert.Equal(values.Length, column.Top.Sum(t => t.Count));
        Assert.True(ProfileBaseline.IsExact(column, values.Length));
    }

    /// <summary>The PSI of the two samples' profiles, and the PSI the monitor computes from the values themselves.</summary>
    private static (double Profiles, double Values) ComparePsi(string column, double[] before, double[] after)
    {
        DataProfile Profile(double[] values) =>
            DataProfiler.Profile(column + "\n" + string.Join("\n", values.Select(v => v.ToString(CultureInfo.InvariantCulture))), "d");
        var psi = ProfileComparer.Compare(Profile(before), Profile(after)).Columns.Single().Psi!.Value;
        var shares = BinnedShares.Of(FeatureSample.Numeric(column, before), FeatureSample.Numeric(column, after), bins: null);
        return (psi, PopulationStabilityIndex.Compute(shares.Reference, shares.Current));
    }

    private static void AssertAlikeAsTheMonitorFindsThem(double psi, double fromValues)
    {
        Assert.True(fromValues < ColumnDiff.NotablePsi, $"the values' own PSI {fromValues}");
        Assert.InRange(psi, 0, ColumnDiff.NotablePsi);
        Assert.InRange(psi - fromValues, -0.05, 0.05);
    }
}
