namespace RepoML.Cli.Commands.Registry;

/// <summary>The JSON shapes of registry output (snake_case), shared by list, show, history and lineage.</summary>
internal static class RegistryJson
{
    public static JsonObject Version(RegisteredAsset asset, RegisteredVersion v) => new()
    {
        ["version"] = v.Version,
        ["digest"] = v.Digest,
        ["commit"] = v.Commit.Sha,
        ["tags"] = Map(v.Record.Tags),
        ["properties"] = Map(v.Record.Properties),
        ["metrics"] = new JsonObject(v.Record.Metrics.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)JsonValue.Create(m.Value)))),
        ["labels"] = new JsonArray(Labels(asset, v).Select(l => (JsonNode)l).ToArray()),
        ["archived"] = asset.IsArchived(v),
        ["author"] = v.Commit.AuthorName,
        ["date"] = v.Commit.AuthorDate.ToString("O"),
        ["message"] = v.Commit.Subject,
        ["run_id"] = v.Record.Run?.RunId,
        ["size"] = v.Record.Size,
        ["files"] = v.Record.FileCount,
    };

    public static IEnumerable<string> Labels(RegisteredAsset asset, RegisteredVersion v) =>
        (asset.Latest()?.Key == v.Key ? [RegisteredAsset.LatestLabel] : Array.Empty<string>())
            .Concat(asset.Labels().Where(l => l.Value.Key == v.Key).Select(l => l.Key));

    public static JsonObject Commit(CommitInfo c) => new()
    {
        ["sha"] = c.Sha,
        ["author"] = c.AuthorName,
        ["email"] = c.AuthorEmail,
        ["date"] = c.AuthorDate.ToString("O"),
        ["message"] = c.Message,
    };

    public static JsonObject Deployment(DeploymentUse u) => new()
    {
        ["endpoint"] = u.Endpoint,
        ["deployment"] = u.Deployment,
        ["file"] = u.File,
        ["reference"] = u.Reference,
        ["active"] = u.Active,
        ["since"] = Commit(u.Since),
        ["until"] = u.Until is null ? null : Commit(u.Until),
    };

    /// <summary>The registered data a version was trained on, each with its recorded profile.</summary>
    public static JsonArray TrainedOn(IReadOnlyList<Core.Profiles.TrainingData> data) => new(data.Select(d => (JsonNode)new JsonObject
    {
        ["name"] = d.Name,
        ["version"] = d.Version,
        ["profile"] = d.Profile,
    }).ToArray());

    public static JsonObject Map(IReadOnlyDictionary<string, string> values) =>
        new(values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
}
