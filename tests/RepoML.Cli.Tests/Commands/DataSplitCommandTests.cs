namespace RepoML.Cli.Tests.Commands;

public sealed class DataSplitCommandTests : DataFilesTests
{
    [Fact]
    public async Task Should_write_two_csv_files_with_the_header_When_splitting_with_a_seed()
    {
        // Given the iris dataset
        var data = DataFiles.Path("iris.csv");

        // When it is split twice, stratified by species
        var first = await Files.Run("data", "split", "--data", data, "--train-out", "a/train.csv", "--test-out", "a/test.csv", "--stratify",
            "species", "--output", "json");
        await Files.Run("data", "split", "--data", data, "--train-out", "b/train.csv", "--test-out", "b/test.csv", "--stratify", "species");

        // Then both parts keep the header, sizes are 120/30 with 10 per species, and the split is deterministic
        Assert.Equal(0, first.Code);
        var summary = DataFiles.Json(first.Output);
        Assert.Equal(120, summary.GetProperty("train_rows").GetInt32());
        Assert.Equal(30, summary.GetProperty("test_rows").GetInt32());
        var test = File.ReadAllLines(Files.In("a/test.csv"));
        Assert.Equal("sepal_length,sepal_width,petal_length,petal_width,species", test[0]);
        Assert.Equal(10, test.Count(l => l.EndsWith(",setosa", StringComparison.Ordinal)));
        Assert.Equal(File.ReadAllText(Files.In("a/test.csv")), File.ReadAllText(Files.In("b/test.csv")));
    }

    [Fact]
    public async Task Should_exit_with_1_and_the_line_When_a_row_is_malformed()
    {
        // Given a CSV whose third line lacks a cell
        File.WriteAllText(Files.In("bad.csv"), "a,b\n1,2\n3\n4,5\n");

        // When split
        var result = await Files.Run("data", "split", "--data", "bad.csv", "--train-out", "t.csv", "--test-out", "v.csv");

        // Then a one-line error, no stack trace
        Assert.Equal(1, result.Code);
        Assert.Equal("error: bad.csv:3: expected 2 cells as in the header, found 1", result.Error.Trim());
    }

    [Fact]
    public async Task Should_exit_with_2_When_the_fraction_is_out_of_range()
    {
        // Given / When / Then
        var result = await Files.Run("data", "split", "--data", DataFiles.Path("iris.csv"), "--train-out", "t.csv", "--test-out", "v.csv",
            "--test-fraction", "1.5");
        Assert.Equal(2, result.Code);
    }
}
