using RepoML.Workflows.Disk;

namespace RepoML.Cli.Commands;

/// <summary>
/// <c>repoml reference [--update README.md]</c> (hidden): prints the CLI reference as Markdown, or rewrites the
/// part of a file between the reference markers with it.
/// </summary>
public static class ReferenceCommand
{
    public static Command Create(CliContext context)
    {
        var update = new Option<string?>("--update") { Description = "Rewrite the reference between the markers of this file." };
        var command = new Command("reference", "Print the CLI reference as Markdown.") { update };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var reference = CliReference.Render(RepoMLApp.BuildRoot(context));
            if (parse.GetValue(update) is not { } file)
            {
                context.Output.Write(reference);
                return (int)ExitCode.Success;
            }

            var path = context.FullPath(file);
            var text = File.ReadAllText(path);
            var begin = text.IndexOf(CliReference.BeginMarker, StringComparison.Ordinal);
            var end = text.IndexOf(CliReference.EndMarker, StringComparison.Ordinal);
            if (begin < 0 || end < begin)
            {
                throw WorkflowException.Usage($"'{file}' has no {CliReference.BeginMarker} … {CliReference.EndMarker} section");
            }

            AtomicText.Write(path, text[..(begin + CliReference.BeginMarker.Length)] + "\n" + reference + text[end..]);
            return (int)ExitCode.Success;
        });
        return command;
    }
}
