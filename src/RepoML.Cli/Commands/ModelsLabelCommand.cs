namespace RepoML.Cli.Commands;

/// <summary><c>repoml models label NAME:VERSION LABEL</c>: points a user label such as <c>prod</c> at a version, in a commit.</summary>
public static class ModelsLabelCommand
{
    public static Command Create(CliContext context)
    {
        var reference = CommonOptions.Reference("NAME:VERSION (or NAME@LABEL) the label should name.");
        var label = new Argument<string>("label") { Description = "The label, e.g. prod (letters, digits, '-', '_'; 'latest' is computed)." };
        var remove = new Option<bool>("--remove") { Description = "Remove the label instead (the reference names its asset)." };
        var scope = new RegistryScopeOptions();
        var command = scope.AddTo(new Command("label", "Move (or remove) a user label such as @prod; recorded as a commit.") { reference, label,
            remove });
        command.SetAction(parse => RegistryCli.Run(context, () => Run(context, parse.GetValue(reference)!, parse.GetValue(label)!,
            parse.GetValue(remove), scope.Read(parse))));
        return command;
    }

    private static int Run(CliContext context, string reference, string label, bool remove, RegistryScope scope)
    {
        var (kind, branch, format) = scope;
        var (version, message, commit) = RegistryEdits.Label(context, branch, kind, reference, label, remove);
        if (format == OutputFormat.Json)
        {
            RegistryCli.WriteJson(context, new JsonObject { ["name"] = version.Name, ["label"] = label,
                ["version"] = remove ? null : version.Version, ["commit"] = commit });
        }
        else
        {
            context.Output.WriteLine($"{message} ({commit[..12]})");
        }

        return (int)ExitCode.Success;
    }
}
