using RepoML.Cli.Commands;

namespace RepoML.Cli;

/// <summary>Every top-level command of the tool, one per file under Commands/. Add new commands here.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context) =>
    [
        ValidateCommand.Create(context),
        RunCommand.Create(context),
        RunsCommand.Create(context),
        StoreCommand.Create(context),
        ReferenceCommand.Create(context),
        DataCommand.Create(context),
        TrainCommand.Create(context),
        EvaluateCommand.Create(context),
        CompareCommand.Create(context),
        SweepCommand.Create(context),
        RegisterCommand.Create(context),
        ModelsCommand.Create(context),
        LineageCommand.Create(context),
        ExportCommand.Create(context),
        SiteCommand.Create(context),
        PackageCommand.Create(context),
        DeployCommand.Create(context),
        BaseImageCommand.Create(context),
        PromoteCommand.Create(context),
        StatusCommand.Create(context),
        ServeCommand.Create(context),
        EndpointCommand.Create(context),
        BatchCommand.Create(context),
        MonitorCommand.Create(context),
        EventsCommand.Create(context),
    ];
}
