namespace RepoML.Core.Specs.Kinds;

/// <summary>
/// A batch deployment file (<c>batchDeployment.schema.json</c>, <c>modelBatchDeployment.schema.json</c>).
/// Azure ML picks the shape by <c>type</c> (absent: the classic model deployment; <c>model</c>; <c>pipeline</c>),
/// so this schema is the union of those shapes.
/// </summary>
public static class BatchDeploymentSchema
{
    public static ObjectSchema Schema { get; } = new("batch deployment",
    [
        .. DeploymentHeaderSchema.Fields,
        new("type", new EnumSchema("model", "pipeline"), Default: "model"),
        new("model", ModelSchema.ReferenceOrInline),
        new("code_configuration", CodeConfigurationSchema.Schema),
        new("environment", EnvironmentSchema.ReferenceOrInline),

        // Pipeline deployments run a pipeline component instead of a model.
        new("component", new OneOfSchema(new StringSchema(), new MapSchema(AnySchema.Instance))),
        CommonFields.Compute,
        new("resources", JobResourcesSchema.Schema),
        new("settings", BatchDeploymentSettingsSchema.Schema),

        // An inline pipeline job, or a reference to a job that already ran (azureml:JOB_NAME), deployed as it was.
        new("job_definition", new OneOfSchema(new StringSchema(), new MapSchema(AnySchema.Instance))),
        .. BatchDeploymentSettingsSchema.Fields,
        .. CommonFields.ServiceOutput,
    ]);
}
