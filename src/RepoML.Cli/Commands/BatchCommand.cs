namespace RepoML.Cli.Commands;

/// <summary><c>repoml batch …</c>: batch endpoints.</summary>
public static class BatchCommand
{
    public static Command Create(CliContext context) => new("batch", "Batch endpoints: score files with a batch deployment.")
    {
        BatchInvokeCommand.Create(context),
    };
}
