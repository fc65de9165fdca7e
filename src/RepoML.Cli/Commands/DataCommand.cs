namespace RepoML.Cli.Commands;

/// <summary><c>repoml data …</c>: dataset operations usable as pipeline steps.</summary>
public static class DataCommand
{
    public static Command Create(CliContext context) => new("data", "Dataset operations usable as pipeline steps.")
    {
        DataSplitCommand.Create(context),
    };
}
