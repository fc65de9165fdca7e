using RepoML.Core.Profiles;
using RepoML.Workflows.Profiles;

namespace RepoML.Cli.Commands;

/// <summary><c>repoml data profile PATH [--out FILE]</c> and <c>repoml data diff BEFORE AFTER</c>: dataset profiles and their drift.</summary>
public static class DataProfileCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Argument<string>("data") { Description = "A CSV file with a header row (or a folder holding one), or a saved profile (.json)." };
        var outPath = new Option<string?>("--out") { Description = "Also save the profile as JSON here (written atomically)." };
        var output = CommonOptions.Output();
        var command = new Command("profile", "Profile a dataset: rows, each column's type, missing share, distinct count, quantiles, histogram, "
            + "top values.") { data, outPath, output };
        command.SetAction(parse => Show(context, parse.GetValue(output),
            DataProfiling.Profile(context, parse.GetValue(data)!, parse.GetValue(outPath)), ProfileJson.Serialize, ProfileText.Write));
        return command;
    }

    public static Command CreateDiff(CliContext context)
    {
        var before = new Argument<string>("before") { Description =
            "The earlier data: CSV file, folder with one, profile (.json), or registered data version (NAME:VERSION, NAME@LABEL: its recorded profile)." };
        var after = new Argument<string>("after") { Description = "The later data, in the same forms." };
        var output = CommonOptions.Output();
        var command = new Command("diff", "Compare two datasets' profiles: added, removed and retyped columns, missing-share and mean changes, "
            + "PSI and Jensen-Shannon distance.") { before, after, output };
        command.SetAction(parse => Show(context, parse.GetValue(output),
            DataProfiling.Diff(context, parse.GetValue(before)!, parse.GetValue(after)!), ProfileJson.Serialize, ProfileText.Write));
        return command;
    }

    private static int Show<T>(CliContext context, OutputFormat format, T value, Func<T, string> json, Action<TextWriter, T> text)
    {
        if (format == OutputFormat.Json)
        {
            context.Output.Write(json(value));
        }
        else
        {
            text(context.Output, value);
        }

        return (int)ExitCode.Success;
    }
}
