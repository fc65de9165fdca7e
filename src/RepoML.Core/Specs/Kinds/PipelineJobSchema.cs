namespace RepoML.Core.Specs.Kinds;

/// <summary>A pipeline job file (<c>pipelineJob.schema.json</c>): its nodes under <c>jobs</c>, or a pipeline <c>component</c>.</summary>
public static class PipelineJobSchema
{
    public static ObjectSchema Schema { get; } = new("pipeline job",
    [
        .. CommandJobSchema.JobFields,
        new("type", new EnumSchema("pipeline"), Default: "pipeline"),
        new("settings", PipelineSettingsSchema.Schema),
        new("inputs", JobInputsSchema.Schema),
        new("outputs", JobOutputsSchema.Schema),
        new("jobs", PipelineNodeSchema.Jobs),
        new("component", new OneOfSchema(new StringSchema(), new MapSchema(AnySchema.Instance))),
    ]);
}
