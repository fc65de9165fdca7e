namespace RepoML.Cli.Commands;

/// <summary><c>repoml export …</c>: analytics exports for BI tools.</summary>
public static class ExportCommand
{
    public static Command Create(CliContext context) => new("export", "Export RepoML data as CSV or Parquet for BI tools.")
    {
        ExportRegistryCommand.Create(context),
    };
}
