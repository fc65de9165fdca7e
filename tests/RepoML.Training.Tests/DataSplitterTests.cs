namespace RepoML.Training.Tests;

public sealed class DataSplitterTests
{
    [Fact]
    public void Should_return_the_same_split_When_called_twice_with_one_seed()
    {
        // Given / When two splits with seed 7 and one with seed 8
        var first = DataSplitter.Split(100, 0.25, 7);
        var second = DataSplitter.Split(100, 0.25, 7);
        var other = DataSplitter.Split(100, 0.25, 8);

        // Then the same seed gives the same rows, sizes follow ceil(n * fraction), and parts partition the rows
        Assert.Equal(first.Test, second.Test);
        Assert.NotEqual(first.Test, other.Test);
        Assert.Equal(25, first.Test.Length);
        Assert.Equal(Enumerable.Range(0, 100), first.Train.Concat(first.Test).Order());
        Assert.Equal(first.Test.Order(), first.Test);
    }

    [Fact]
    public void Should_keep_class_shares_When_stratified()
    {
        // Given 90 'a' and 10 'b' rows
        var strata = Enumerable.Range(0, 100).Select(i => i % 10 == 0 ? "b" : "a").ToList();

        // When split 80/20 by stratum
        var (train, test) = DataSplitter.Split(100, 0.2, 42, strata);

        // Then each part keeps the 9:1 ratio
        Assert.Equal(2, test.Count(i => strata[i] == "b"));
        Assert.Equal(18, test.Count(i => strata[i] == "a"));
        Assert.Equal(8, train.Count(i => strata[i] == "b"));
    }
}
