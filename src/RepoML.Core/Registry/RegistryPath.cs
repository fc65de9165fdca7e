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

    /// <exception cref="Naming.UnsafeNameException">The name or key is not a safe path segment (<see cref="Naming.NameGate"/>).</exception>
    public static RegistryPath Version(AssetKind kind, string name, string key) => new(kind, Checked(kind, name), RegistryFileType.Version, Key(key));

    /// <exception cref="Naming.UnsafeNameException">The name or label is not a safe path segment.</exception>
    public static RegistryPath Label(AssetKind kind, string name, string label) =>
        new(kind, Checked(kind, name), RegistryFileType.Label, Naming.NameGate.Check(label, Naming.NameKind.Asset, "label"));

    /// <exception cref="Naming.UnsafeNameException">The name or key is not a safe path segment.</exception>
    public static RegistryPath Archived(AssetKind kind, string name, string key) => new(kind, Checked(kind, name), RegistryFileType.Archived, Key(key));

    private static string Checked(AssetKind kind, string name) => Naming.NameGate.Check(name, Naming.NameKind.Asset, $"{kind.Word()} name");

    private static string Key(string key) => Naming.NameGate.Check(key, Naming.NameKind.Segment, "version key");

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
