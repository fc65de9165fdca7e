namespace RepoML.Cli.Commands.Rollout;

/// <summary>
/// <c>repoml run PIPELINE.yml --target azureml</c>: submits the same pipeline file as an Azure ML job through ARM instead of
/// running it here. Wiring (two lines in RunCommand): <c>AzureMlRunTarget.AddTo(command);</c> after building the command, and
/// <c>if (AzureMlRunTarget.Handles(parse)) return await AzureMlRunTarget.RunAsync(context, parse, cancellation);</c> first in its action.
/// </summary>
internal static class AzureMlRunTarget
{
    private static Option<string> Target() => new("--target") { Description = "local (default) or azureml (submit as an Azure ML job).",
        DefaultValueFactory = _ => "local" };
    private static Option<string?> Experiment() => new("--experiment") { Description =
        "azureml: experiment name (default: the file's experiment_name, else Default)." };
    private static Option<string?> Compute() => new("--compute") { Description =
        "azureml: compute cluster name when the file sets no default_compute." };

    public static Command AddTo(Command command)
    {
        Option[] options = [Target(), Experiment(), Compute(), .. AzureMlOptions.Workspace()];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        return command;
    }

    public static bool Handles(ParseResult parse) => parse.GetValue<string>("--target") == "azureml";

    public static async Task<int> RunAsync(CliContext context, ParseResult parse, CancellationToken cancellation)
    {
        var path = context.FullPath(parse.GetValue((Argument<string>)parse.CommandResult.Command.Arguments[0])!);
        await AzureMlJobs.SubmitAsync(context, path, AzureMlOptions.Read(parse), parse.GetValue<string?>("--experiment"),
            parse.GetValue<string?>("--compute"),
            cancellation);
        return (int)ExitCode.Success;
    }
}
