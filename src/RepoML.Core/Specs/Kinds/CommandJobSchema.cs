namespace RepoML.Core.Specs.Kinds;

/// <summary>A command job file (<c>commandJob.schema.json</c>).</summary>
public static class CommandJobSchema
{
    /// <summary>Fields every job kind has.</summary>
    public static IReadOnlyList<FieldSchema> JobFields { get; } =
    [
        CommonFields.SchemaUrl,
        new("name", new StringSchema()),
        CommonFields.DisplayName,
        new("experiment_name", new StringSchema(), Default: "the name of the folder the file is in"),
        CommonFields.Description,
        CommonFields.Tags,
        CommonFields.Properties,

        // Absent: serverless compute.
        CommonFields.Compute,
        new("identity", JobIdentitySchema.Schema),
        new("services", JobServicesSchema.Schema),
        .. CommonFields.ServiceOutput,
    ];

    /// <summary>The command fields shared with command nodes of pipelines.</summary>
    public static IReadOnlyList<FieldSchema> CommandFields { get; } =
    [
        new("code", new StringSchema()),
        CommonFields.EnvironmentVariables,
        new("resources", JobResourcesSchema.Schema),
        new("distribution", DistributionSchema.Schema),
        new("limits", JobLimitsSchema.Command),
        new("queue_settings", QueueSettingsSchema.Schema),
    ];

    public static ObjectSchema Schema { get; } = new("command job",
    [
        .. JobFields,
        .. CommandFields,
        new("type", new EnumSchema("command"), Default: "command"),
        new("command", new StringSchema(), Required: true),
        new("environment", EnvironmentSchema.ReferenceOrInline, Required: true),
        new("inputs", JobInputsSchema.Schema),
        new("outputs", JobOutputsSchema.Schema),
        new("parent_job_name", new StringSchema()),
    ]);
}
