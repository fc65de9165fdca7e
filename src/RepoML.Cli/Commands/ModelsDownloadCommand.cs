namespace RepoML.Cli.Commands;

/// <summary><c>repoml models download NAME:VERSION --to DIR</c>: restores a version's files, each verified against its digest.</summary>
public static class ModelsDownloadCommand
{
    public static Command Create(CliContext context)
    {
        var reference = CommonOptions.Reference("NAME:VERSION, NAME@LABEL or NAME (latest).");
        var to = new Option<string>("--to") { Description = "Folder to restore into (must be empty unless --force).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace a non-empty target folder." };
        var store = RegistryCli.Store();
        var scope = new RegistryScopeOptions();
        var command = scope.AddTo(new Command("download", "Download a version's files, verified by digest.") { reference, to, force, store });
        command.SetAction((parse, cancel) => RegistryCli.RunAsync(context, () => RunAsync(
            context, parse.GetValue(reference)!, parse.GetValue(to)!, parse.GetValue(force), parse.GetValue(store), scope.Read(parse), cancel)));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string reference, string to, bool force, string? storeAddress,
        RegistryScope scope, CancellationToken cancel)
    {
        var (kind, branch, format) = scope;
        var store = RegistryAccess.OpenStore(context, context.WorkspaceRoot, storeAddress);
        using var registry = RegistryAccess.OpenFor(context, branch, kind, reference, store);
        var target = context.FullPath(to);
        var version = await registry.DownloadAsync(reference, target, kind, force, cancel);
        if (format == OutputFormat.Json)
        {
            RegistryCli.WriteJson(context, new JsonObject
            {
                ["name"] = version.Name, ["version"] = version.Version, ["digest"] = version.Digest, ["to"] = target, ["files"] =
                    version.Record.FileCount,
            });
        }
        else
        {
            context.Output.WriteLine($"Downloaded {version.Name}:{version.Version} ({version.Record.FileCount} file(s), " +
                $"{version.Digest[..19]}, verified) to {to}");
        }

        return (int)ExitCode.Success;
    }
}
