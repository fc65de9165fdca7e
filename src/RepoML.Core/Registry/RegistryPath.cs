namespace RepoML.Core.Registry;

/// <summary>
/// A file of the Git registry, parsed from its repository path:
/// <c>registry/&lt;kind&gt;/&lt;name&gt;/versions/&lt;key&gt;.json</c> (a version record, immutable),
/// <c>registry/&lt;kind&gt;/&lt;name&gt;/labels/&lt;label&gt;</c> (holds a version key) and
/// <c>registry/&lt;kind&gt;/&lt;name&gt;/archived/&lt;key&gt;</c> (marks a version archived).
/// </summary>
public sealed record RegistryPath(AssetKind Kind, string Name, RegistryFileType Type, string Item)
{
    /// <summary>The registry's top-level folder in the repository.</summary>
    public const string Root = "registry";

    public string Path => Type switch
    {
        RegistryFileType.Version => $"{Root}/{Kind.Folder()}/{Name}/versions/{Item}.json",
        RegistryFileType.Label => $"{Root}/{Kind.Folder()}/{Name}/labels/{Item}",
        _ => $"{Root}/{Kind.Folder()}/{Name}/archived/{Item}",
    };

    public static RegistryPath Version(AssetKind kind, string name, string key) => new(kind, name, RegistryFileType.Version, key);

    public static RegistryPath Label(AssetKind kind, string name, string label) => new(kind, name, RegistryFileType.Label, label);

    public static RegistryPath Archived(AssetKind kind, string name, string key) => new(kind, name, RegistryFileType.Archived, key);

    /// <summary>Parses a repository path; null when it is not a registry file.</summary>
    public static RegistryPath? TryParse(string path)
    {
        var parts = path.Split('/');
        if (parts.Length != 5 || parts[0] != Root || AssetKinds.FromFolder(parts[1]) is not { } kind || parts[2].Length == 0 || parts[4].Length == 0)
        {
            return null;
        }

        return parts[3] switch
        {
            "versions" when parts[4].EndsWith(".json", StringComparison.Ordinal) && parts[4].Length > 5 =>
                new RegistryPath(kind, parts[2], RegistryFileType.Version, parts[4][..^5]),
            "labels" => new RegistryPath(kind, parts[2], RegistryFileType.Label, parts[4]),
            "archived" => new RegistryPath(kind, parts[2], RegistryFileType.Archived, parts[4]),
            _ => null,
        };
    }
}
