namespace RepoML.Core.Specs.Kinds;

/// <summary>The <c>outputs</c> of a job: each null (defaults) or a mapping; pipeline nodes may bind one with <c>${{parent.outputs.x}}</c>.</summary>
public static class JobOutputsSchema
{
    public static ObjectSchema Output { get; } = new("output",
    [
        new("type", AssetTypes.OutputTypes, Default: "uri_folder"),
        new("mode", new EnumSchema("rw_mount", "upload", "mount", "direct"), Default: "rw_mount"),
        new("path", new StringSchema()),
        new("name", new StringSchema()),
        new("version", new StringSchema()),
        new("description", new StringSchema()),
        new("datastore", new StringSchema()),
        new("path_on_compute", new StringSchema()),
    ]);

    public static MapSchema Schema { get; } = new(Output);

    /// <summary>Node outputs: a binding string or an output mapping.</summary>
    public static MapSchema NodeSchema { get; } = new(new OneOfSchema(new StringSchema(), Output));
}
