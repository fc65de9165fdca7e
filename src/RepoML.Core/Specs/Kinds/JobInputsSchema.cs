namespace RepoML.Core.Specs.Kinds;

/// <summary>
/// The <c>inputs</c> of a job or pipeline node: each a literal (number, string, boolean, or a <c>${{...}}</c> binding),
/// a <c>{value: ...}</c> mapping, or a data/model input whose <c>type</c> (default <c>uri_folder</c>) fixes the modes allowed.
/// </summary>
public static class JobInputsSchema
{
    private static readonly EnumSchema PathModes = new("ro_mount", "download", "direct");

    private static readonly EnumSchema TableModes = new("ro_mount", "download", "direct", "eval_mount", "eval_download");

    private static ObjectSchema PathInput(string type, EnumSchema modes) => new($"{type} input",
    [
        new("type", new EnumSchema(type), Default: "uri_folder"),
        new("path", new StringSchema()),
        new("mode", modes, Default: "ro_mount"),
        new("datastore", new StringSchema()),
        new("path_on_compute", new StringSchema()),
        new("description", new StringSchema()),
        new("optional", BooleanSchema.Instance),
    ]);

    private static ObjectSchema LiteralInput(string type) => new($"{type} input",
    [
        new("type", new EnumSchema(type)),
        new("value", new StringSchema()),
        new("default", new StringSchema()),
        new("description", new StringSchema()),
        new("optional", BooleanSchema.Instance),
        new("min", new StringSchema()),
        new("max", new StringSchema()),
        new("enum", new ListSchema(new StringSchema())),
    ]);

    private static readonly DiscriminatedSchema Typed = new("input", "type",
        AssetTypes.Paths.ToDictionary(t => t, t => PathInput(t, t == "mltable" ? TableModes : PathModes))
            .Concat(AssetTypes.Literals.ToDictionary(t => t, LiteralInput))
            .ToDictionary(kv => kv.Key, kv => kv.Value),
        DefaultCase: "uri_folder");

    private static readonly ObjectSchema LiteralValue = new("literal input", [new("value", new StringSchema(), Required: true)]);

    /// <summary>One input; scalars of any type are literals, as Azure ML reads them.</summary>
    public static OneOfSchema Entry { get; } = new(new StringSchema(), Typed, LiteralValue);

    public static MapSchema Schema { get; } = new(Entry);
}
