namespace RepoML.Core.Specs.Kinds;

/// <summary>The compute resources of a job, a component or a batch deployment.</summary>
public static class JobResourcesSchema
{
    public static ObjectSchema Schema { get; } = new("resources",
    [
        new("instance_count", new IntegerSchema(1), Default: "1"),
        new("instance_type", new StringSchema()),
        new("max_instance_count", new IntegerSchema(1)),
        new("shm_size", new StringSchema(), Default: "2g"),
        new("docker_args", new OneOfSchema(new StringSchema(), new ListSchema(new StringSchema()))),
        new("locations", new ListSchema(new StringSchema())),
        new("properties", new MapSchema(AnySchema.Instance)),
    ]);
}
