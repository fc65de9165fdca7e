using System.CommandLine;
using RepoML.Cli.Output;
using RepoML.Training.Data;

namespace RepoML.Cli.Commands;

/// <summary><c>repoml data split</c>: a deterministic train/test split of a CSV file, optionally stratified.</summary>
public static class DataSplitCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "CSV file with a header row.", Required = true };
        var trainOut = new Option<string>("--train-out") { Description = "Where to write the training rows (CSV with the header).", Required = true };
        var testOut = new Option<string>("--test-out") { Description = "Where to write the test rows (CSV with the header).", Required = true };
        var fraction = new Option<double>("--test-fraction") { Description = "Share of rows for the test part, rounded up (per stratum).", DefaultValueFactory = _ => 0.2 };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed and data give the same split.", DefaultValueFactory = _ => 42 };
        var stratify = new Option<string?>("--stratify") { Description = "Column whose value shares are kept in both parts." };
        var output = CommonOptions.Output();
        var command = new Command("split", "Split a CSV file into train and test files, deterministically.") { data, trainOut, testOut, fraction, seed, stratify, output };
        command.SetAction(parse => TrainingCommandRunner.Run(context, () => Run(
            context, parse.GetValue(data)!, parse.GetValue(trainOut)!, parse.GetValue(testOut)!, parse.GetValue(fraction), parse.GetValue(seed), parse.GetValue(stratify), parse.GetValue(output))));
        return command;
    }

    private static int Run(CliContext context, string data, string trainOut, string testOut, double fraction, int seed, string? stratify, OutputFormat format)
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
        Write(context.FullPath(trainOut), table.Select(train));
        Write(context.FullPath(testOut), table.Select(test));
        if (format == OutputFormat.Json)
        {
            TrainingCommandRunner.WriteJson(context, new { Command = "data split", Data = data, TrainOut = trainOut, TestOut = testOut, TrainRows = train.Length, TestRows = test.Length, Seed = seed, Stratify = stratify });
        }
        else
        {
            context.Output.WriteLine($"Split {table.Rows.Count} rows: {train.Length} → {trainOut}, {test.Length} → {testOut} (seed {seed}{(stratify is null ? "" : $", stratified by {stratify}")}).");
        }

        return (int)ExitCode.Success;
    }

    private static void Write(string path, CsvTable table)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        using var writer = new StreamWriter(path);
        table.Write(writer);
    }
}
