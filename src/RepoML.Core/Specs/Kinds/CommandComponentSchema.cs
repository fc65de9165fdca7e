namespace RepoML.Core.Specs.Kinds;

/// <summary>A command component file (<c>commandComponent.schema.json</c>), or one written inline in a pipeline node.</summary>
public static class CommandComponentSchema
{
    private static readonly FieldSchema[] Body =
    [
        CommonFields.SchemaUrl,
        new("type", new EnumSchema("command"), Default: "command"),
        CommonFields.DisplayName,
        CommonFields.Description,
        CommonFields.Tags,
        CommonFields.Properties,
        new("is_deterministic", BooleanSchema.Instance, Default: "true"),
        new("inputs", ComponentInputsSchema.Inputs),
        new("outputs", ComponentInputsSchema.Outputs),
        new("command", new StringSchema(), Required: true),

        // A local folder, an http(s) URL, or an azureml: code reference.
        new("code", new StringSchema()),
        new("environment", EnvironmentSchema.ReferenceOrInline, Required: true),
        new("resources", JobResourcesSchema.Schema),
        new("distribution", DistributionSchema.Schema),
        new("additional_includes", new ListSchema(new StringSchema())),

        // Deprecated spelling of resources.instance_count, still read.
        new("instance_count", new IntegerSchema(1)),
    ];

    public static ObjectSchema Schema { get; } = new("command component",
    [
        .. Body,
        new("name", NamingRules.Component, Required: true, CliFlag: "--name"),
        CommonFields.Version,
        .. CommonFields.ServiceOutput,
    ]);

    /// <summary>An inline (anonymous) component: a name or version there is ignored.</summary>
    public static ObjectSchema Inline { get; } = new("inline command component",
    [
        .. Body,
        new("name", new StringSchema()),
        CommonFields.Version,
    ]);

    /// <summary>
    /// A component in a pipeline node: <c>file:./train.yml</c>, <c>./train.yml</c>, <c>azureml:train:1</c>,
    /// <c>azureml://registries/...</c>, or the component written inline.
    /// </summary>
    public static OneOfSchema ReferenceOrInline { get; } = new(new StringSchema(), Inline);
}
