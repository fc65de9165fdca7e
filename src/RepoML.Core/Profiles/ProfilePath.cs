namespace RepoML.Core.Profiles;

/// <summary>
/// Where the profile of a data version is committed, next to its record:
/// <c>registry/data/&lt;name&gt;/profiles/&lt;key&gt;.json</c> (the registry's own parser ignores this folder, so older
/// versions of RepoML read the registry unchanged).
/// </summary>
public static class ProfilePath
{
    public const string Folder = "profiles";

    public static string For(string name, string key) => $"{RegistryPath.Root}/{AssetKind.Data.Folder()}/{name}/{Folder}/{key}.json";

    /// <summary>The data asset name and version key a path names; null when it is not a profile's path.</summary>
    public static (string Name, string Key)? TryParse(string path)
    {
        var parts = path.Split('/');
        return parts.Length == 5 && parts[0] == RegistryPath.Root && parts[1] == AssetKind.Data.Folder() && parts[2].Length > 0
            && parts[3] == Folder && parts[4].EndsWith(".json", StringComparison.Ordinal) && parts[4].Length > 5
            ? (parts[2], parts[4][..^5])
            : null;
    }
}
