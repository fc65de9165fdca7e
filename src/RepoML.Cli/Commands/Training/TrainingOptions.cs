using RepoML.Core.Metrics;
using RepoML.Training.Trainers;

namespace RepoML.Cli.Commands.Training;

/// <summary>Options shared by <c>train</c> and <c>sweep</c>.</summary>
internal sealed class TrainingOptions
{
    public Option<string> Data { get; } = new("--data") { Description = "CSV file with a header row.", Required = true };

    public Option<string> Label { get; } = new("--label") { Description = "Label column.", Required = true };

    public Option<MlTask> Task { get; } = new("--task") { Description = "binary, multiclass or regression.", Required = true,
        CustomParser = EnumParser<MlTask>("task") };

    public Option<TrainerKind> Trainer { get; } = new("--trainer") { Description =
        "fasttree, lightgbm or linear (L-BFGS logistic regression / maximum entropy; SDCA for regression).", Required = true, CustomParser =
        EnumParser<TrainerKind>("trainer") };

    public Option<string[]> Features { get; } = new("--features") { Description =
        "Feature columns, comma-separated (default: every column but the label)." };

    public Option<string[]> Categorical { get; } = new("--categorical") { Description =
        "Columns to one-hot encode even if numeric (default: the non-numeric ones)." };

    public Option<string[]> Params { get; } = new("--param") { Description = "Hyper-parameter name=value, repeatable (e.g. number_of_trees=50)." };

    public Option<int> Seed { get; } = new("--seed") { Description = "Random seed; the same seed and data give the same model.",
        DefaultValueFactory = _ => 42 };

    public Option<string> Out { get; } = new("--out") { Description = "Output folder.", Required = true };

    /// <summary>Parses a lower-case enum name; the error lists the valid spellings.</summary>
    public static Func<System.CommandLine.Parsing.ArgumentResult, TEnum> EnumParser<TEnum>(string what)
        where TEnum : struct, Enum => result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Enum.TryParse<TEnum>(token, ignoreCase: true, out var value) && !int.TryParse(token, out _))
            {
                return value;
            }

            result.AddError($"'{token}' is not a {what}; use {string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}");
            return default;
        };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Data, Label, Task, Trainer, Features, Categorical, Params, Seed, Out })
        {
            command.Options.Add(option);
        }
    }

    public RepoML.Training.TrainingRequest Request(ParseResult parse) => new(
        parse.GetValue(Task),
        parse.GetValue(Trainer),
        parse.GetValue(Label)!,
        TrainingCommandRunner.List(parse.GetValue(Features)),
        TrainingCommandRunner.List(parse.GetValue(Categorical)),
        TrainingCommandRunner.List(parse.GetValue(Params)),
        parse.GetValue(Seed));
}
