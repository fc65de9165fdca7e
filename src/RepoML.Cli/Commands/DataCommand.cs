namespace RepoML.Cli.Commands;

/// <summary><c>repoml data …</c>: dataset operations usable as pipeline steps.</summary>
public static class DataCommand
{
    public static Command Create(CliContext context) => new("data", "Dataset operations usable as pipeline steps: split, profile, diff.")
    {
        DataSplitCommand.Create(context),
        DataProfileCommand.Create(context),
        DataProfileCommand.CreateDiff(context),
    };
}
