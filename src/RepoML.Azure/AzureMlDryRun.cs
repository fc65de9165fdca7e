namespace RepoML.Azure;

/// <summary>What <c>--dry-run --output json</c> prints: the requests, in order, and the uploads they depend on.</summary>
public static class AzureMlDryRun
{
    /// <param name="root">The repository root: upload sources are shown relative to it.</param>
    public static JsonObject Json(AzureMlSession session, string root) => new()
    {
        ["requests"] = new JsonArray([.. session.Channel.Requests.Select(r => (JsonNode)r.ToJson())]),
        ["uploads"] = new JsonArray([.. session.Uploads.Select(u => (JsonNode)new JsonObject
        {
            ["source"] = Path.IsPathRooted(u.Source) ? Path.GetRelativePath(root, u.Source).Replace('\\', '/') : u.Source,
            ["destination"] = u.Destination,
            ["sha256"] = u.Sha256,
            ["size"] = u.Size,
        })]),
    };
}
