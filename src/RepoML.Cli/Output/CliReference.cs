using System.CommandLine.Help;
using System.Text;

namespace RepoML.Cli.Output;

/// <summary>Renders the command tree as Markdown: the README's CLI reference is generated from it, and a test keeps the two equal.</summary>
public static class CliReference
{
    public const string BeginMarker = "<!-- cli-reference:begin -->";
    public const string EndMarker = "<!-- cli-reference:end -->";

    public static string Render(RootCommand root)
    {
        var text = new StringBuilder();
        foreach (var command in root.Subcommands.Where(c => !c.Hidden).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            Append(text, command, "repoml");
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private static void Append(StringBuilder text, Command command, string parent)
    {
        var path = $"{parent} {command.Name}";
        var arguments = string.Concat(command.Arguments.Select(a
            => a.Arity.MaximumNumberOfValues > 1 ? $" [{a.Name.ToUpperInvariant()}...]" : $" {a.Name.ToUpperInvariant()}"));
        var options = command.Options.Where(o => o is not HelpOption && o is not VersionOption && !o.Hidden).ToList();
        text.Append("#### `").Append(path).Append(arguments).Append(command.Subcommands.Count > 0 ? " COMMAND" : "").Append(options.Count > 0
            ? " [OPTIONS]" : "").Append("`\n\n");
        text.Append(command.Description).Append("\n\n");
        if (options.Count > 0 || command.Arguments.Count > 0)
        {
            text.Append("| argument or option | description |\n|---|---|\n");
            foreach (var argument in command.Arguments)
            {
                text.Append("| `").Append(argument.Name.ToUpperInvariant()).Append("` | ").Append(Cell(argument.Description)).Append(" |\n");
            }

            foreach (var option in options)
            {
                var names = string.Join(", ", new[] { option.Name }.Concat(option.Aliases.Order(StringComparer.Ordinal)).Select(n => $"`{n}`"));
                text.Append("| ").Append(names).Append(" | ").Append(Cell(option.Description)).Append(" |\n");
            }

            text.Append('\n');
        }

        foreach (var sub in command.Subcommands.Where(c => !c.Hidden).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            Append(text, sub, path);
        }
    }

    private static string Cell(string? text) => (text ?? "").Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ",
        StringComparison.Ordinal);
}
