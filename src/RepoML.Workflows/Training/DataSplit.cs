namespace RepoML.Workflows.Training;

/// <summary>The work of <c>repoml data split</c>: a deterministic train/test split of a CSV file, optionally stratified.</summary>
public static class DataSplit
{
    /// <param name="stratify">A column whose value shares are kept in both parts (null: none).</param>
    /// <returns>The rows read, and how many went to each part.</returns>
    public static (int Rows, int TrainRows, int TestRows) Run(
        WorkflowContext context, string data, string trainOut, string testOut, double fraction, int seed, string? stratify)
    {
        if (fraction is <= 0 or >= 1 || double.IsNaN(fraction))
        {
            throw WorkflowException.Usage($"--test-fraction must be between 0 and 1 (exclusive), got {fraction}");
        }

        var table = CsvTable.Load(context.FullPath(data), data);
        if (table.Rows.Count < 2)
        {
            throw new TrainingDataException($"{data}: at least two data rows are needed to split, found {table.Rows.Count}");
        }

        IReadOnlyList<string>? strata = null;
        if (stratify is not null)
        {
            var column = table.ColumnIndex(stratify);
            strata = [.. table.Rows.Select(r => r[column])];
        }

        var (train, test) = DataSplitter.Split(table.Rows.Count, fraction, seed, strata);
        TextFiles.Write(context.FullPath(trainOut), table.Select(train).Write);
        TextFiles.Write(context.FullPath(testOut), table.Select(test).Write);
        return (table.Rows.Count, train.Length, test.Length);
    }
}
