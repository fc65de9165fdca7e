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
        command.SetAction(parse => Show(context, parse.GetValue(output), DataProfiling.Profile(context, parse.GetValue(data)!, parse.GetValue(outPath))));
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
        command.SetAction(parse => Show(context, parse.GetValue(output), DataProfiling.Diff(context, parse.GetValue(before)!, parse.GetValue(after)!)));
        return command;
    }

    private static int Show(CliContext context, OutputFormat format, DataProfile profile) =>
        Show(format, () => context.Output.Write(ProfileJson.Serialize(profile)), () => ProfileText.Write(context.Output, profile));

    private static int Show(CliContext context, OutputFormat format, ProfileDiff diff) =>
        Show(format, () => context.Output.Write(ProfileJson.Serialize(diff)), () => ProfileText.Write(context.Output, diff));

    private static int Show(OutputFormat format, Action json, Action text)
    {
        (format == OutputFormat.Json ? json : text)();
        return (int)ExitCode.Success;
    }
}
