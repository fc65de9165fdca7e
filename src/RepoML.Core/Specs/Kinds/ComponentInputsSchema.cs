namespace RepoML.Core.Specs.Kinds;

/// <summary>The input and output declarations of a component; <c>type</c> is required and decides the other fields.</summary>
public static class ComponentInputsSchema
{
    private static readonly EnumSchema Modes = new("ro_mount", "rw_mount", "download", "upload", "direct", "mount", "eval_mount",
        "eval_download", "link");

    private static ObjectSchema PathInput(string type) => new($"{type} component input",
    [
        new("type", new EnumSchema(type), Required: true),
        new("description", new StringSchema()),
        new("optional", BooleanSchema.Instance, Default: "false"),
        new("default", new StringSchema()),
        new("mode", Modes, Default: "ro_mount"),
    ]);

    private static ObjectSchema Parameter(string type) => new($"{type} component input",
    [
        new("type", new EnumSchema(type), Required: true),
        new("description", new StringSchema()),
        new("optional", BooleanSchema.Instance, Default: "false"),

        // Azure ML parses a default (and the bounds) with the input's type: int(float(v)) for integer, float(v) for number,
        // true/false for boolean, so "10" and 10 are both fine and "ten" is not. Strings take any scalar.
        new("default", ValueOf(type)),
        new("min", Bound(type)),
        new("max", Bound(type)),
        new("enum", new ListSchema(new StringSchema())),
    ]);

    private static ValueSchema ValueOf(string type) => type switch
    {
        "integer" or "number" => new NumberSchema(),
        "boolean" => BooleanSchema.Instance,
        _ => new StringSchema(),
    };

    private static ValueSchema Bound(string type) => type is "integer" or "number" ? new NumberSchema() : new StringSchema();

    private static ObjectSchema PathOutput(string type) => new($"{type} component output",
    [
        new("type", new EnumSchema(type), Required: true),
        new("description", new StringSchema()),
        new("mode", Modes, Default: "rw_mount"),
        new("early_available", BooleanSchema.Instance),
    ]);

    private static ObjectSchema ParameterOutput(string type) => new($"{type} component output",
    [
        new("type", new EnumSchema(type), Required: true),
        new("description", new StringSchema()),
        new("is_control", BooleanSchema.Instance),
        new("early_available", BooleanSchema.Instance),
    ]);

    // "path" is the legacy name of uri_folder that components still accept.
    private static readonly IReadOnlyList<string> PortTypes = [.. AssetTypes.Paths, "path"];

    public static MapSchema Inputs { get; } = new(new DiscriminatedSchema("component input", "type",
        PortTypes.Select(t => (t, PathInput(t))).Concat(AssetTypes.Literals.Select(t => (t, Parameter(t))))
            .ToDictionary(p => p.t, p => p.Item2),
        DefaultCase: null));

    public static MapSchema Outputs { get; } = new(new DiscriminatedSchema("component output", "type",
        PortTypes.Select(t => (t, PathOutput(t))).Concat(AssetTypes.Literals.Select(t => (t, ParameterOutput(t))))
            .ToDictionary(p => p.t, p => p.Item2),
        DefaultCase: null));
}
