namespace RepoML.Cli.Commands;

/// <summary>
/// <c>repoml models archive NAME:VERSION</c>: hides a version from <c>@latest</c> and listings (the record stays:
/// versions are immutable). Refused while an endpoint deployment at the branch tip uses the version.
/// </summary>
public static class ModelsArchiveCommand
{
    public static Command Create(CliContext context)
    {
        var reference = new Argument<string>("reference") { Description = "NAME:VERSION to archive." };
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
        using var registry = RegistryAccess.OpenFor(context, branch, kind, reference);
        var version = registry.Resolve(reference, kind);
        var asset = registry.Snapshot.Find(kind, version.Name)!;
        if (!restore)
        {
            var users = registry.Deployments.Where(u
                => u.Active && u.Version.Kind == kind && u.Version.Name == version.Name && u.Version.Key == version.Key).ToList();
            if (users.Count > 0)
            {
                throw new RegistryException(RegistryErrors.InUse,
                    $"{version} cannot be archived: it is used by active deployment(s) " +
                        $"{string.Join(", ", users.Select(u => $"{u.Endpoint}/{u.Deployment} ({u.File}: {u.Reference})"))}; "
                    + "move those deployments to another version first");
            }
        }

        if (asset.IsArchived(version) != restore)
        {
            context.Output.WriteLine($"{version} is already {(restore ? "not archived" : "archived")}.");
            return (int)ExitCode.Success;
        }

        var path = RegistryPath.Archived(kind, version.Name, version.Key).Path;
        var message = restore ? $"Restore archived {kind.Word()} {version}" : $"Archive {kind.Word()} {version}";
        var commit = new GitContext(registry.Root).Commit([(path, restore ? null : $"{version}\n")], message);
        if (format == OutputFormat.Json)
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
