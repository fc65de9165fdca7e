namespace RepoML.Core.Specs.Kinds;

/// <summary>A data asset file (<c>data.schema.json</c>).</summary>
public static class DataSchema
{
    public static ObjectSchema Schema { get; } = new("data",
    [
        CommonFields.SchemaUrl,
        new("name", NamingRules.Asset, Required: true, CliFlag: "--name"),
        CommonFields.Version,
        CommonFields.Description,
        CommonFields.Tags,
        CommonFields.Properties,
        new("type", new EnumSchema("uri_file", "uri_folder", "mltable"), Default: "uri_folder"),
        new("path", new StringSchema(), Required: true, CliFlag: "--path"),
        new("datastore", new StringSchema(), Default: "workspaceblobstore"),
        .. CommonFields.ServiceOutput,
    ]);
}
