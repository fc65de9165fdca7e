using RepoML.Workflows.Training;

namespace RepoML.Workflows.Tests.Training;

public sealed class DataSplitTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Should_fail_as_a_usage_error_and_write_nothing_When_the_test_fraction_is_not_between_0_and_1(double fraction)
    {
        // Given a folder and a dataset
        using var folder = new TempFolder("split");

        // When the split is asked for a fraction outside (0, 1)
        var error = Assert.Throws<WorkflowException>(() =>
            DataSplit.Run(WorkflowContexts.In(folder.Path), TestData.Path("iris.csv"), "train.csv", "test.csv", fraction, 42, null));

        // Then it is the request's fault (exit code 2 in the CLI) and no file was written
        Assert.Equal(WorkflowFailure.Usage, error.Kind);
        Assert.StartsWith("--test-fraction must be between 0 and 1", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Should_write_every_row_once_and_keep_each_class_share_When_stratified()
    {
        // Given the iris dataset (50 rows of each species)
        using var folder = new TempFolder("split");
        var source = File.ReadAllLines(TestData.Path("iris.csv"));

        // When it is split 80/20, stratified by species, into folders that do not exist yet
        var (rows, train, test) = DataSplit.Run(WorkflowContexts.In(folder.Path), TestData.Path("iris.csv"), "out/train.csv", "out/test.csv",
            0.2, 7, "species");

        // Then both parts keep the header, together they hold every row exactly once, and the test part has 10 of each species
        var trainLines = File.ReadAllLines(folder["out/train.csv"]);
        var testLines = File.ReadAllLines(folder["out/test.csv"]);
        Assert.Equal((150, 120, 30), (rows, train, test));
        Assert.Equal(source[0], trainLines[0]);
        Assert.Equal(source[0], testLines[0]);
        Assert.Equal(source.Skip(1).Order(StringComparer.Ordinal), trainLines.Skip(1).Concat(testLines.Skip(1)).Order(StringComparer.Ordinal));
        Assert.All(new[] { "setosa", "versicolor", "virginica" }, s => Assert.Equal(10, testLines.Count(l => l.EndsWith("," + s,
            StringComparison.Ordinal))));
    }
}
