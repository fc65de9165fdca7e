namespace RepoML.Core.Specs.Kinds;

/// <summary>Fields that most Azure ML kinds share: <c>$schema</c>, description, tags, properties, version.</summary>
public static class CommonFields
{
    /// <summary>The <c>$schema</c> address every root kind may carry.</summary>
    public static FieldSchema SchemaUrl { get; } = new("$schema", new StringSchema());

    public static FieldSchema Description { get; } = new("description", new StringSchema());

    public static FieldSchema DisplayName { get; } = new("display_name", new StringSchema());

    /// <summary>Tags: string values; Azure ML accepts numbers and booleans there as text.</summary>
    public static FieldSchema Tags { get; } = new("tags", new MapSchema(new StringSchema()));

    public static FieldSchema Properties { get; } = new("properties", new MapSchema(AnySchema.Instance));

    /// <summary>Asset versions are strings, but Azure ML reads <c>version: 1</c> as "1".</summary>
    public static FieldSchema Version { get; } = new("version", new StringSchema());

    /// <summary>Environment variables: values are passed through as text.</summary>
    public static FieldSchema EnvironmentVariables { get; } = new("environment_variables", new MapSchema(new StringSchema()));

    /// <summary>
    /// Fields the service writes (<c>az ml ... show</c> prints them). Azure ML drops them when reading a file,
    /// so a file saved from <c>show</c> output is accepted.
    /// </summary>
    public static IReadOnlyList<FieldSchema> ServiceOutput { get; } =
    [
        new("id", AnySchema.Instance),
        new("creation_context", AnySchema.Instance),
        new("provisioning_state", AnySchema.Instance),
        new("status", AnySchema.Instance),
        new("scoring_uri", AnySchema.Instance),
        new("openapi_uri", AnySchema.Instance),
        new("log_files", AnySchema.Instance),
        new("latest_version", AnySchema.Instance),
        new("kind", AnySchema.Instance),
    ];

    /// <summary>A compute target: <c>azureml:cpu-cluster</c> or a bare name.</summary>
    public static FieldSchema Compute { get; } = new("compute", new StringSchema());
}
