namespace RepoML.Cli.Commands;

/// <summary>
/// <c>repoml models archive NAME:VERSION</c>: hides a version from <c>@latest</c> and listings (the record stays:
/// versions are immutable). Refused while a deployment uses the version: committed at the branch tip, edited in the working tree, or reported by a running local endpoint.
/// </summary>
public static class ModelsArchiveCommand
{
    public static Command Create(CliContext context)
    {
        var reference = CommonOptions.Reference("NAME:VERSION to archive.");
        var restore = new Option<bool>("--restore") { Description = "Restore an archived version instead." };
        var scope = new RegistryScopeOptions();
        var command = scope.AddTo(new Command("archive",
            "Archive a version (refused while a deployment uses it); recorded as a commit.") { reference, restore });
        command.SetAction(parse => RegistryCli.Run(context, () => Run(context, parse.GetValue(reference)!, parse.GetValue(restore),
            scope.Read(parse))));
        return command;
    }

    private static int Run(CliContext context, string reference, bool restore, RegistryScope scope)
    {
        var (kind, branch, format) = scope;
        var (version, message, commit) = RegistryEdits.Archive(context, branch, kind, reference, restore);
        if (commit is null)
        {
            context.Output.WriteLine(message);
        }
        else if (format == OutputFormat.Json)
        {
            RegistryCli.WriteJson(context, new JsonObject { ["name"] = version.Name, ["version"] = version.Version, ["archived"] = !restore,
                ["commit"] = commit });
        }
        else
        {
            context.Output.WriteLine($"{message} ({commit[..12]})");
        }

        return (int)ExitCode.Success;
    }
}
