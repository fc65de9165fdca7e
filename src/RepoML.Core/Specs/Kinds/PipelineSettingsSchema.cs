namespace RepoML.Core.Specs.Kinds;

/// <summary>Pipeline job <c>settings</c>. Azure ML passes unknown settings through, so they are allowed.</summary>
public static class PipelineSettingsSchema
{
    public static ObjectSchema Schema { get; } = new("pipeline settings",
    [
        new("default_compute", new StringSchema()),
        new("default_datastore", new StringSchema()),
        new("continue_on_step_failure", BooleanSchema.Instance),
        new("force_rerun", BooleanSchema.Instance, Default: "false"),
        new("on_init", new StringSchema()),
        new("on_finalize", new StringSchema()),
    ], AllowUnknown: true);
}
