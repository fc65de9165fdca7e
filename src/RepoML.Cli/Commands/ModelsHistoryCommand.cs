namespace RepoML.Cli.Commands;

/// <summary><c>repoml models history NAME</c>: every registration, label move and archive of an asset, oldest first.</summary>
public static class ModelsHistoryCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The asset name." };
        var scope = new RegistryScopeOptions();
        var command = scope.AddTo(new Command("history", "Show an asset's registry history: versions, label moves, archives.") { name });
        command.SetAction(parse => RegistryCli.Run(context, () => Run(context, parse.GetValue(name)!, scope.Read(parse))));
        return command;
    }

    private static int Run(CliContext context, string name, RegistryScope scope)
    {
        var (kind, branch, format) = scope;
        using var registry = RegistryAccess.OpenFor(context, branch, kind, name);
        var asset = registry.Snapshot.Find(kind, name)
            ?? throw RegistryErrors.Missing($"no {kind.Word()} named '{name}' is registered on {registry.Snapshot.Branch}");
        var rows = asset.Events.Select(e => (Event: e, Version: e.Key is null ? null : asset.ByKey(e.Key))).ToList();
        if (format == OutputFormat.Json)
        {
            RegistryCli.WriteJson(context, new JsonObject
            {
                ["name"] = asset.Name,
                ["kind"] = kind.Word(),
                ["events"] = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
                {
                    ["event"] = Word(r.Event.Type),
                    ["version"] = r.Version?.Version,
                    ["label"] = r.Event.Label,
                    ["digest"] = r.Version?.Digest,
                    ["commit"] = RegistryJson.Commit(r.Event.Commit),
                }).ToArray()),
            });
            return (int)ExitCode.Success;
        }

        foreach (var (e, version) in rows)
        {
            var what = e.Type switch
            {
                RegistryEventType.Registered => $"registered {name}:{version!.Version} {version.Digest[..19]}",
                RegistryEventType.LabelSet => $"label @{e.Label} -> {name}:{version?.Version}",
                RegistryEventType.LabelRemoved => $"label @{e.Label} removed",
                RegistryEventType.Archived => $"archived {name}:{version?.Version}",
                _ => $"restored {name}:{version?.Version}",
            };
            context.Output.WriteLine($"{e.Commit.ShortSha}  {e.Commit.AuthorDate:yyyy-MM-dd HH:mm}  {e.Commit.AuthorName,-16}  {what}  " +
                $"({e.Commit.Subject})");
        }

        return (int)ExitCode.Success;
    }

    private static string Word(RegistryEventType type) => type switch
    {
        RegistryEventType.Registered => "registered",
        RegistryEventType.LabelSet => "label_set",
        RegistryEventType.LabelRemoved => "label_removed",
        RegistryEventType.Archived => "archived",
        _ => "restored",
    };
}
