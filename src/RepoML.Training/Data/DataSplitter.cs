namespace RepoML.Training.Data;

/// <summary>
/// Deterministic train/test splits: the same seed and rows give the same split on every machine.
/// The test part takes ceil(n * fraction) rows (per stratum when stratified), as scikit-learn's train_test_split;
/// both parts keep the original row order.
/// </summary>
public static class DataSplitter
{
    /// <param name="strata">One stratum value per row, or null for a plain random split.</param>
    public static (int[] Train, int[] Test) Split(int rowCount, double testFraction, int seed, IReadOnlyList<string>? strata = null)
    {
        if (testFraction is <= 0 or >= 1 || double.IsNaN(testFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), "the test fraction must be between 0 and 1 (exclusive)");
        }

        var random = new Random(seed);
        var test = new List<int>();
        var groups = strata is null
            ? [Enumerable.Range(0, rowCount).ToArray()]
            : Enumerable.Range(0, rowCount).GroupBy(i => strata[i], StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToArray()).ToList();
        foreach (var group in groups)
        {
            random.Shuffle(group);
            test.AddRange(group.Take((int)Math.Ceiling(group.Length * testFraction)));
        }

        var isTest = new bool[rowCount];
        foreach (var i in test)
        {
            isTest[i] = true;
        }

        return ([.. Enumerable.Range(0, rowCount).Where(i => !isTest[i])], [.. Enumerable.Range(0, rowCount).Where(i => isTest[i])]);
    }
}
