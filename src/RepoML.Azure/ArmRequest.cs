namespace RepoML.Azure;

/// <summary>
/// One request to Azure Resource Manager: method, path (query other than api-version after <c>?</c>), api-version and
/// JSON body. <see cref="ToJson"/> is the form <c>--dry-run --output json</c> prints for review.
/// </summary>
public sealed record ArmRequest(string Method, string Path, string ApiVersion, JsonNode? Body)
{
    public static ArmRequest Get(string path) => new("GET", path, AzureMlApi.Version, null);

    public static ArmRequest Put(string path, JsonObject body) => new("PUT", path, AzureMlApi.Version, body);

    public static ArmRequest Post(string path, JsonObject? body = null) => new("POST", path, AzureMlApi.Version, body);

    public JsonObject ToJson() => new()
    {
        ["method"] = Method,
        ["path"] = Path,
        ["apiVersion"] = ApiVersion,
        ["body"] = Body?.DeepClone(),
    };
}
