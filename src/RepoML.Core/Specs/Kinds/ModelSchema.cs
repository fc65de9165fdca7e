namespace RepoML.Core.Specs.Kinds;

/// <summary>A model: <c>model.schema.json</c> as a file, inline in a deployment, or a reference string.</summary>
public static class ModelSchema
{
    /// <summary>The storage formats Azure ML knows a model by.</summary>
    public static EnumSchema Types { get; } = new("custom_model", "mlflow_model", "triton_model");

    private static readonly FieldSchema[] Body =
    [
        CommonFields.SchemaUrl,
        CommonFields.Description,
        CommonFields.Tags,
        CommonFields.Properties,
        new("type", Types, Default: "custom_model"),
        new("flavors", new MapSchema(AnySchema.Instance)),
        new("stage", new StringSchema()),
        new("datastore", new StringSchema(), Default: "workspaceblobstore"),
        new("job_name", new StringSchema()),
    ];

    /// <summary>A registered model file: <c>name</c> and <c>path</c> are required.</summary>
    public static ObjectSchema Schema { get; } = new("model",
    [
        .. Body,
        new("name", NamingRules.Asset, Required: true, CliFlag: "--name"),
        CommonFields.Version,
        new("path", new StringSchema(), Required: true, CliFlag: "--path"),
        new("utc_time_created", new StringSchema()),
        .. CommonFields.ServiceOutput,
    ]);

    /// <summary>A model written inline in a deployment.</summary>
    public static ObjectSchema Inline { get; } = new("inline model",
    [
        .. Body,
        new("name", new StringSchema()),
        CommonFields.Version,
        new("path", new StringSchema()),
    ]);

    /// <summary>A reference (<c>azureml:name:version</c>, <c>azureml://registries/...</c>) or an inline model.</summary>
    public static OneOfSchema ReferenceOrInline { get; } = new(new StringSchema(), Inline);
}
