using RepoML.Workflows.Validation;

namespace RepoML.Cli.Commands;

/// <summary><c>repoml validate [PATH...]</c>: schema and workspace checks, rendered for people, programs or CI.</summary>
public static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders to validate (default: the whole workspace). References resolve against the whole workspace.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = CommonOptions.Output();
        var workspace = new Option<string?>("--workspace",
            "-w") { Description = "Workspace root (default: the Git repository containing the paths)." };
        var command = new Command("validate", "Check workspace YAML files against the Azure ML CLI v2 schemas and against each other.")
        {
            paths, output, workspace,
        };
        command.SetAction(parse => Run(context, parse.GetValue(paths) ?? [], parse.GetValue(output), parse.GetValue<Verbosity>("--verbosity"),
            parse.GetValue(workspace)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, OutputFormat format, Verbosity verbosity, string? workspaceRoot)
    {
        var outcome = WorkspaceValidation.Run(context, paths, workspaceRoot);
        DiagnosticRenderer.Render(context.Output, format, outcome.Diagnostics, file => outcome.Sources.GetValueOrDefault(file),
            includeInfo: verbosity >= Verbosity.Detailed);
        if (format == OutputFormat.Text && verbosity > Verbosity.Quiet)
        {
            context.Output.WriteLine(outcome.Errors == 0
                ? $"Workspace valid: {outcome.SpecFiles} spec file(s), {outcome.Warnings} warning(s)."
                : $"Workspace invalid: {outcome.Errors} error(s), {outcome.Warnings} warning(s) in {outcome.SpecFiles} spec file(s).");
        }

        return outcome.Errors > 0 ? (int)ExitCode.Invalid : (int)ExitCode.Success;
    }
}
