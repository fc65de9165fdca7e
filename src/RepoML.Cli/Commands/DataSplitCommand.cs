namespace RepoML.Cli.Commands;

/// <summary><c>repoml data split</c>: a deterministic train/test split of a CSV file, optionally stratified.</summary>
public static class DataSplitCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "CSV file with a header row.", Required = true };
        var trainOut = new Option<string>("--train-out") { Description = "Where to write the training rows (CSV with the header).", Required = true };
        var testOut = new Option<string>("--test-out") { Description = "Where to write the test rows (CSV with the header).", Required = true };
        var fraction = new Option<double>("--test-fraction") { Description = "Share of rows for the test part, rounded up (per stratum).",
            DefaultValueFactory = _ => 0.2 };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed and data give the same split.", DefaultValueFactory = _
            => 42 };
        var stratify = new Option<string?>("--stratify") { Description = "Column whose value shares are kept in both parts." };
        var output = CommonOptions.Output();
        var command = new Command("split", "Split a CSV file into train and test files, deterministically.") { data, trainOut, testOut, fraction,
            seed, stratify, output };
        command.SetAction(parse => TrainingCommandRunner.Run(context, () => Run(
            context, parse.GetValue(data)!, parse.GetValue(trainOut)!, parse.GetValue(testOut)!, parse.GetValue(fraction), parse.GetValue(seed),
                parse.GetValue(stratify), parse.GetValue(output))));
        return command;
    }

    private static int Run(CliContext context, string data, string trainOut, string testOut, double fraction, int seed, string? stratify,
        OutputFormat format)
    {
        var (rows, trainRows, testRows) = DataSplit.Run(context, data, trainOut, testOut, fraction, seed, stratify);
        if (format == OutputFormat.Json)
        {
            TrainingCommandRunner.WriteJson(context, new { Command = "data split", Data = data, TrainOut = trainOut, TestOut = testOut,
                TrainRows = trainRows, TestRows = testRows, Seed = seed, Stratify = stratify });
        }
        else
        {
            context.Output.WriteLine($"Split {rows} rows: {trainRows} → {trainOut}, {testRows} → {testOut} (seed " +
                $"{seed}{(stratify is null ? "" : $", stratified by {stratify}")}).");
        }

        return (int)ExitCode.Success;
    }
}
