namespace RepoML.Cli.Commands;

/// <summary><c>repoml endpoint …</c>: endpoint operations that are not serving itself.</summary>
public static class EndpointCommand
{
    public static Command Create(CliContext context) => new("endpoint", "Endpoint operations: keys.")
    {
        EndpointKeysCommand.Create(context),
    };
}
