using RepoML.Core.Monitoring;
using RepoML.Core.Profiles;

namespace RepoML.Core.Tests.Profiles;

/// <summary>A monitor whose baseline is a recorded profile computes what it computes from the CSV, within the documented tolerance.</summary>
public sealed class ProfileBaselineTests
{
    private static readonly string[] Cities = ["Oslo", "Rome", "Lima", "Kyiv"];

    [Theory]
    [InlineData(800, 0.0)] // same distribution, KS and chi-square: every feature stable
    [InlineData(800, 0.4)] // shifted: the amounts drift
    [InlineData(20000, 0.4)] // a large baseline: Wasserstein and Jensen–Shannon
    public void Should_compute_the_figures_the_csv_gives_When_the_baseline_is_the_recorded_profile(int rows, double shift)
    {
        // Given a baseline CSV (gaussian and uniform numbers, many-valued integers, a flag, a city, missing cells) and its profile
        var baselineCsv = Csv(new Random(21), rows, 0);
        var current = Table(Csv(new Random(22), 1000, shift));
        var spec = MonitorReader.Read("monitor.yml", "endpoint: credit\nbaseline:\n  data: base.csv\n").Monitor!;
        var profile = DataProfiler.Profile(baselineCsv, "base.csv");

        // When the monitor runs once against the CSV and once against the profile
        var fromCsv = Run(spec, Table(baselineCsv), current);
        var fromProfile = Run(spec, ProfileBaseline.Table(profile), current);

        // Then each feature has the same test and verdict; exact columns give the same figures, the others within tolerance
        Assert.Equal(fromCsv.BaselineRows, fromProfile.BaselineRows);
        foreach (var (csv, prof) in fromCsv.DataDrift!.Features.Zip(fromProfile.DataDrift!.Features))
        {
            var exact = ProfileBaseline.IsExact(profile.Column(csv.Feature)!, profile.Rows);
            Assert.Equal((csv.Feature, csv.Test, csv.Status), (prof.Feature, prof.Test, prof.Status));
            Assert.True(Math.Abs(csv.Psi - prof.Psi) <= (exact ? 1e-12 : 0.02), $"{csv.Feature} PSI {csv.Psi} vs {prof.Psi}");
            Assert.True(Math.Abs(csv.Value - prof.Value) <= (exact ? 1e-12 : csv.Test == StatTest.Ks ? 0.15 : 0.01),
                $"{csv.Feature} {csv.Test} {csv.Value} vs {prof.Value}");
        }

        Assert.Equal(fromCsv.DataDrift.Drifted, fromProfile.DataDrift.Drifted);
        Assert.Equal(shift >= 0.4, fromCsv.DataDrift.Features.Single(f => f.Feature == "amount").Drifted);
        foreach (var (csv, prof) in fromCsv.DataQuality.Zip(fromProfile.DataQuality))
        {
            Assert.Equal((csv.Feature, csv.BaselineNullValueRate, csv.OutOfBoundsRate, csv.Minimum, csv.Maximum),
                (prof.Feature, prof.BaselineNullValueRate, prof.OutOfBoundsRate, prof.Minimum, prof.Maximum));
        }
    }

    [Fact]
    public void Should_pool_the_values_beyond_the_top_list_When_text_has_many_values()
    {
        // Given a text column with 30 values, and a missing cell
        var csv = "id,n\n" + string.Join("\n", Enumerable.Range(0, 300).Select(i => (i == 0 ? "" : $"v{i % 30}") + ",1"));

        // When
        var table = ProfileBaseline.Table(DataProfiler.Profile(csv, "ids.csv"));

        // Then the top 10 keep their counts, the other 20 values are one, and the missing cell stays missing
        var column = table.Column("id");
        Assert.Equal(300, column.Count);
        Assert.Equal(10, column.Count(v => v == "v1"));
        Assert.Equal(299 - 100, column.Count(v => v == ProfileBaseline.Other));
        Assert.Single(column, v => v is null);
    }

    private static MonitorReport Run(MonitorSpec spec, CellTable baseline, CellTable current) =>
        MonitorCalculator.Run(spec, "credit", "base", baseline, current, new CellTable([], []), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            [], null);

    private static string Csv(Random random, int rows, double shift)
    {
        var text = new System.Text.StringBuilder("amount,ratio,age,flag,city\n");
        for (var i = 0; i < rows; i++)
        {
            var gauss = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            text.Append(CultureInfo.InvariantCulture, $"{Math.Round(1000 + 250 * (gauss + shift), 2)},")
                .Append(i % 50 == 0 ? "" : Math.Round(random.NextDouble(), 4).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(CultureInfo.InvariantCulture, $"{random.Next(18, 80)},{(random.NextDouble() < 0.3 ? 1 : 0)},{Cities[random.Next(4)]}\n");
        }

        return text.ToString();
    }

    private static CellTable Table(string csv)
    {
        var lines = csv.TrimEnd('\n').Split('\n');
        return new CellTable(lines[0].Split(','), [.. lines.Skip(1).Select(l => l.Split(',').Select(c => c.Length == 0 ? null : c).ToArray())]);
    }
}
