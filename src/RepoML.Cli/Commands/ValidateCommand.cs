using System.CommandLine;
using RepoML.Workflows.Disk;
using RepoML.Cli.Output;
using RepoML.Core.Diagnostics;
using RepoML.Core.Workspace;

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
        var workspace = new Option<string?>("--workspace", "-w") { Description = "Workspace root (default: the Git repository containing the paths)." };
        var command = new Command("validate", "Check workspace YAML files against the Azure ML CLI v2 schemas and against each other.")
        {
            paths, output, workspace,
        };
        command.SetAction(parse => Run(context, parse.GetValue(paths) ?? [], parse.GetValue(output), parse.GetValue<Verbosity>("--verbosity"), parse.GetValue(workspace)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, OutputFormat format, Verbosity verbosity, string? workspaceRoot)
    {
        var fullPaths = paths.Select(context.FullPath).ToArray();
        foreach (var missing in fullPaths.Where(p => !File.Exists(p) && !Directory.Exists(p)))
        {
            throw WorkflowException.Usage($"path '{missing}' does not exist");
        }

        var root = workspaceRoot is not null ? context.FullPath(workspaceRoot) : WorkspaceRoot.Find(fullPaths.FirstOrDefault() ?? context.CurrentDirectory);
        var files = new DiskWorkspaceFiles(root);
        var relative = fullPaths.Select(p => files.TryRelative(p) ?? throw WorkflowException.Usage($"path '{p}' is outside the workspace root '{root}'; pass --workspace")).ToArray();
        var extras = relative;

        var loaded = WorkspaceLoader.Load(files, extras);
        WorkspaceValidator.Validate(loaded, files);

        var selected = loaded.Files.Where(f => relative.Length == 0 || relative.Any(r => r.Length == 0 || f.Path == r || f.Path.StartsWith(r + "/", StringComparison.Ordinal))).ToList();
        var diagnostics = selected.SelectMany(f => f.Diagnostics)
            .Select(d => d with { File = d.File is null ? null : Display(context, files, d.File) })
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line ?? 0).ThenBy(d => d.Column ?? 0)
            .ToList();

        var sources = selected.Where(f => f.Text is not null).ToDictionary(f => Display(context, files, f.Path), f => f.Text!, StringComparer.Ordinal);
        DiagnosticRenderer.Render(context.Output, format, diagnostics, file => sources.GetValueOrDefault(file), includeInfo: verbosity >= Verbosity.Detailed);

        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        if (format == OutputFormat.Text && verbosity > Verbosity.Quiet)
        {
            var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
            var specs = selected.Count(f => f.IsSpec);
            context.Output.WriteLine(errors == 0
                ? $"Workspace valid: {specs} spec file(s), {warnings} warning(s)."
                : $"Workspace invalid: {errors} error(s), {warnings} warning(s) in {specs} spec file(s).");
        }

        return errors > 0 ? (int)ExitCode.Invalid : (int)ExitCode.Success;
    }

    private static string Display(CliContext context, DiskWorkspaceFiles files, string relativePath) =>
        Path.GetRelativePath(context.CurrentDirectory, files.Full(relativePath)).Replace(Path.DirectorySeparatorChar, '/');
}
