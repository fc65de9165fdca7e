namespace RepoML.Cli.Commands;

/// <summary><c>repoml models list [--tag Name=Value]…</c>: every registered version, filtered by tags as Azure ML does.</summary>
public static class ModelsListCommand
{
    public static Command Create(CliContext context)
    {
        var tags = new Option<string[]>("--tag") { Description =
            "Keep versions with this tag: Name=Value or Name (no spaces); repeat to require several.", AllowMultipleArgumentsPerToken = false };
        var archived = new Option<bool>("--include-archived") { Description = "Also list archived versions." };
        var scope = new RegistryScopeOptions();
        var command = scope.AddTo(new Command("list", "List registered assets and their versions.") { tags, archived });
        command.SetAction(parse => RegistryCli.Run(context, () => Run(context, parse.GetValue(tags) ?? [], parse.GetValue(archived),
            scope.Read(parse))));
        return command;
    }

    private static int Run(CliContext context, string[] tagTexts, bool includeArchived, RegistryScope scope)
    {
        var (kind, branch, format) = scope;
        var filters = tagTexts.Select(TagFilter.Parse).ToArray();
        using var registry = RegistryAccess.Open(context, branch);
        RegistryAccess.WriteProblems(context, registry.Snapshot);
        var assets = registry.Snapshot.OfKind(kind)
            .Select(a => (Asset: a, Versions: a.Versions.Where(v => (includeArchived || !a.IsArchived(v)) && TagFilter.MatchesAll(filters,
                v.Record.Tags)).ToList()))
            .Where(a => a.Versions.Count > 0)
            .ToList();

        if (format == OutputFormat.Json)
        {
            var key = kind == AssetKind.Model ? "models" : kind.Folder();
            RegistryCli.WriteJson(context, new JsonObject
            {
                [key] = new JsonArray(assets.Select(a => (JsonNode)new JsonObject
                {
                    ["name"] = a.Asset.Name,
                    ["versions"] = new JsonArray(a.Versions.Select(v => (JsonNode)RegistryJson.Version(a.Asset, v)).ToArray()),
                }).ToArray()),
            });
            return (int)ExitCode.Success;
        }

        if (assets.Count == 0)
        {
            context.Output.WriteLine($"No {kind.Folder()} registered on " +
                $"{registry.Snapshot.Branch}{(filters.Length > 0 ? " match " + string.Join(' ', filters.AsEnumerable()) : "")}.");
        }

        foreach (var (asset, versions) in assets)
        {
            context.Output.WriteLine($"{asset.Name}  ({asset.Versions.Count} version(s), latest {asset.Latest()?.Version.ToString() ?? "-"})");
            foreach (var v in versions)
            {
                var labels = string.Join(' ', RegistryJson.Labels(asset, v).Select(l => "@" + l));
                context.Output.WriteLine($"  {v.Version,4}  {v.Digest[..19]}  {v.Commit.ShortSha}  {v.Commit.AuthorDate:yyyy-MM-dd}  " +
                    $"{v.Commit.AuthorName}{(labels.Length > 0 ? "  " + labels : "")}{(asset.IsArchived(v) ? "  (archived)" : "")}");
            }
        }

        return (int)ExitCode.Success;
    }
}
