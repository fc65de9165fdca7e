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
}
