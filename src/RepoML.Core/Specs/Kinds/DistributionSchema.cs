namespace RepoML.Core.Specs.Kinds;

/// <summary>How a command job or component is distributed: MPI, PyTorch, TensorFlow or Ray.</summary>
public static class DistributionSchema
{
    private static readonly ObjectSchema Mpi = new("mpi distribution",
    [
        new("type", new EnumSchema("mpi")),
        new("process_count_per_instance", new IntegerSchema(1), Default: "1"),
    ]);

    private static readonly ObjectSchema PyTorch = new("pytorch distribution",
    [
        new("type", new EnumSchema("pytorch")),
        new("process_count_per_instance", new IntegerSchema(1), Default: "1"),
    ]);

    private static readonly ObjectSchema TensorFlow = new("tensorflow distribution",
    [
        new("type", new EnumSchema("tensorflow")),
        new("worker_count", new IntegerSchema(1)),
        new("parameter_server_count", new IntegerSchema(0), Default: "0"),
    ]);

    private static readonly ObjectSchema Ray = new("ray distribution",
    [
        new("type", new EnumSchema("ray")),
        new("port", new IntegerSchema(1, 65535)),
        new("address", new StringSchema()),
        new("include_dashboard", BooleanSchema.Instance),
        new("dashboard_port", new IntegerSchema(1, 65535)),
        new("head_node_additional_args", new StringSchema()),
        new("worker_node_additional_args", new StringSchema()),
    ]);

    public static DiscriminatedSchema Schema { get; } = new("distribution", "type",
        new Dictionary<string, ObjectSchema>
        {
            ["mpi"] = Mpi,
            ["pytorch"] = PyTorch,
            ["tensorflow"] = TensorFlow,
            ["ray"] = Ray,
        },
        DefaultCase: null);
}
