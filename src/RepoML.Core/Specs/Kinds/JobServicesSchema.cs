namespace RepoML.Core.Specs.Kinds;

/// <summary>Interactive services of a job (JupyterLab, VS Code, TensorBoard, SSH), keyed by a name of the user's choosing.</summary>
public static class JobServicesSchema
{
    private static readonly ObjectSchema Service = new("job service",
    [
        new("type", new EnumSchema("jupyter_lab", "vs_code", "tensor_board", "ssh", "custom")),
        new("job_service_type", new StringSchema()),
        new("nodes", new StringSchema()),
        new("port", new IntegerSchema(1, 65535)),
        new("log_dir", new StringSchema()),
        new("ssh_public_keys", new StringSchema()),
        new("properties", new MapSchema(AnySchema.Instance)),
    ]);

    public static MapSchema Schema { get; } = new(Service);
}
