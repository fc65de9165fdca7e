using RepoML.Core.Monitoring;
using RepoML.Workflows.Monitoring;

namespace RepoML.Workflows.Tests.Monitoring;

public sealed class CollectedDataTests
{
    [Fact]
    public void Should_read_NA_and_its_spellings_as_missing_When_a_baseline_csv_is_read()
    {
        // Given a baseline whose numeric column writes missing values as pandas and R do
        using var folder = new TempFolder();
        var path = folder.Write("baseline.csv", "x,color\n1.5,red\nNA,blue\nnan,NA\n,red\n2.5,null\n");

        // When it is read as the monitor's baseline
        var table = CollectedData.FromCsv(path, "baseline.csv");

        // Then those cells are missing, and x stays a numeric feature for the drift tests
        Assert.Equal(["1.5", null, null, null, "2.5"], table.Column("x"));
        Assert.Equal(["red", "blue", null, "red", null], table.Column("color"));
        Assert.True(SampleBuilder.IsNumeric(table.Column("x")));
    }

    [Fact]
    public void Should_skip_a_collected_line_as_torn_When_a_string_in_it_is_not_text()
    {
        // Given two collected requests, the first carrying a JSON escape of half a surrogate pair (written by hand, not by the server)
        using var folder = new TempFolder();
        folder.Write(".repoml/collected/credit/blue/model_inputs/2026/12/06/10/data.jsonl", Line("c1", "\\ud800") + Line("c2", "red"));

        // When the monitor reads them
        var table = CollectedData.Read(folder.Path, "credit", ["blue"], CollectedData.Inputs, DateTimeOffset.MinValue, DateTimeOffset.MaxValue,
            ["color", "x"]);

        // Then the hostile line is skipped like a torn one, and the other is read
        Assert.Equal(["red"], table.Column("color"));
        Assert.Equal(["c2#0"], table.Keys);
    }

    private static string Line(string correlation, string cell) =>
        $$$"""{"time":"2026-12-06T10:00:00Z","correlationid":"{{{correlation}}}","data":{"data":[["{{{cell}}}",1.5]]}}""" + "\n";
}
