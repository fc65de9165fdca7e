namespace RepoML.Core.Specs.Kinds;

/// <summary>
/// The batch settings of a deployment. Model deployments (<c>type: model</c>) nest them under <c>settings</c>;
/// older files put them at the top level, which Azure ML still reads.
/// </summary>
public static class BatchDeploymentSettingsSchema
{
    /// <summary>The settings as individual fields, shared by both placements.</summary>
    public static IReadOnlyList<FieldSchema> Fields { get; } =
    [
        new("mini_batch_size", new IntegerSchema(1), Default: "10"),
        new("max_concurrency_per_instance", new IntegerSchema(1), Default: "1"),

        // -1 ignores every failure.
        new("error_threshold", new IntegerSchema(-1), Default: "-1"),
        new("retry_settings", BatchRetrySettingsSchema.Schema),
        new("output_action", new EnumSchema("append_row", "summary_only"), Default: "append_row"),
        new("output_file_name", new StringSchema(), Default: "predictions.csv"),
        new("logging_level", new EnumSchema("debug", "info", "warning", "warn", "error", "critical"), Default: "info"),
        CommonFields.EnvironmentVariables,
    ];

    /// <summary>
    /// <c>settings</c>: the model deployment settings plus the pipeline deployment ones
    /// (<c>default_compute</c>, <c>continue_on_step_failure</c>…), since the kind is shared.
    /// </summary>
    public static ObjectSchema Schema { get; } = new("batch deployment settings",
    [
        .. Fields,
        new("instance_count", new IntegerSchema(1), Default: "1"),
        new("default_compute", new StringSchema()),
        new("default_datastore", new StringSchema()),
        new("continue_on_step_failure", BooleanSchema.Instance),
        new("force_rerun", BooleanSchema.Instance),
    ]);
}
