namespace RepoML.Cli.Commands;

/// <summary><c>repoml models …</c>: the Git-backed registry of models (and, with <c>--kind</c>, data assets and environments).</summary>
public static class ModelsCommand
{
    public static Command Create(CliContext context) => new("models",
        "Query and manage registered versions (models; data assets and environments with --kind).")
    {
        ModelsListCommand.Create(context),
        ModelsShowCommand.Create(context),
        ModelsHistoryCommand.Create(context),
        ModelsDownloadCommand.Create(context),
        ModelsLabelCommand.Create(context),
        ModelsArchiveCommand.Create(context),
    };
}
