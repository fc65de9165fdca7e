namespace RepoML.Core.Specs.Kinds;

/// <summary>
/// An environment: <c>environment.schema.json</c> as a file, an inline (anonymous) environment inside jobs,
/// components and deployments, or a reference string such as <c>azureml:my-env:1</c>.
/// </summary>
public static class EnvironmentSchema
{
    private static readonly ObjectSchema Route = new("environment route",
    [
        new("port", new IntegerSchema(1, 65535), Required: true),
        new("path", new StringSchema(), Required: true),
    ]);

    private static readonly ObjectSchema InferenceConfig = new("environment inference_config",
    [
        new("liveness_route", Route, Required: true),
        new("readiness_route", Route, Required: true),
        new("scoring_route", Route, Required: true),
    ]);

    private static readonly ObjectSchema Build = new("environment build",
    [
        new("path", new StringSchema()),
        new("dockerfile_path", new StringSchema(), Default: "Dockerfile"),
    ]);

    private static readonly FieldSchema[] Body =
    [
        CommonFields.SchemaUrl,
        CommonFields.Description,
        CommonFields.Tags,
        CommonFields.Properties,
        new("image", new StringSchema()),
        new("build", Build),

        // A path to a conda YAML file, or the conda specification inline.
        new("conda_file", new OneOfSchema(new StringSchema(), new MapSchema(AnySchema.Instance))),
        new("os_type", new EnumSchema("linux", "windows"), Default: "linux"),
        new("inference_config", InferenceConfig),
        new("datastore", new StringSchema(), Default: "workspaceblobstore"),
    ];

    /// <summary>A registered environment file: <c>name</c> is required.</summary>
    public static ObjectSchema Schema { get; } = new("environment",
    [
        .. Body,
        new("name", NamingRules.Asset, Required: true, CliFlag: "--name"),
        CommonFields.Version,
        .. CommonFields.ServiceOutput,
    ]);

    /// <summary>An environment written inline; Azure ML ignores a name or version there (with a warning).</summary>
    public static ObjectSchema Inline { get; } = new("inline environment",
    [
        .. Body,
        new("name", new StringSchema()),
        CommonFields.Version,
    ]);

    /// <summary>A reference (<c>azureml:name:version</c>, <c>azureml:name@latest</c>, <c>azureml://registries/...</c>) or an inline
    /// environment.</summary>
    public static OneOfSchema ReferenceOrInline { get; } = new(new StringSchema(), Inline);
}
