namespace RepoML.Core.Registry;

/// <summary>Names of <see cref="AssetKind"/> values: the registry folder, the word people type, the spec kind.</summary>
public static class AssetKinds
{
    public static IReadOnlyList<AssetKind> All { get; } = [AssetKind.Model, AssetKind.Data, AssetKind.Environment];

    /// <summary>The folder under <c>registry/</c>: models, data, environments.</summary>
    public static string Folder(this AssetKind kind) => kind switch
    {
        AssetKind.Model => "models",
        AssetKind.Data => "data",
        _ => "environments",
    };

    /// <summary>The singular word used on the command line and in JSON: model, data, environment.</summary>
    public static string Word(this AssetKind kind) => kind switch
    {
        AssetKind.Model => "model",
        AssetKind.Data => "data",
        _ => "environment",
    };

    public static AssetKind? FromFolder(string folder) => All.Cast<AssetKind?>().FirstOrDefault(k => k!.Value.Folder() == folder);

    public static AssetKind? Parse(string text) =>
        All.Cast<AssetKind?>().FirstOrDefault(k => string.Equals(k!.Value.Word(), text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(k.Value.Folder(), text, StringComparison.OrdinalIgnoreCase));

    public static AssetKind? FromSpec(SpecKind kind) => kind switch
    {
        SpecKind.Model => AssetKind.Model,
        SpecKind.Data => AssetKind.Data,
        SpecKind.Environment => AssetKind.Environment,
        _ => null,
    };
}
