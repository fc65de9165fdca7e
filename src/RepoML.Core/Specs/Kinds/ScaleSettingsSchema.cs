namespace RepoML.Core.Specs.Kinds;

/// <summary>How an online deployment scales: fixed (<c>default</c>) or, on Kubernetes, by <c>target_utilization</c>.</summary>
public static class ScaleSettingsSchema
{
    private static readonly ObjectSchema Fixed = new("default scale settings",
    [
        new("type", new EnumSchema("default")),
    ]);

    private static readonly ObjectSchema TargetUtilization = new("target_utilization scale settings",
    [
        new("type", new EnumSchema("target_utilization")),
        new("polling_interval", new IntegerSchema(1), Default: "1"),
        new("target_utilization_percentage", new IntegerSchema(1, 100), Default: "70"),
        new("min_instances", new IntegerSchema(1), Default: "1"),
        new("max_instances", new IntegerSchema(1), Default: "1"),
    ]);

    /// <summary>Managed deployments only scale by <c>instance_count</c> (autoscale is set on the resource).</summary>
    public static DiscriminatedSchema Managed { get; } = new("scale_settings", "type",
        new Dictionary<string, ObjectSchema> { ["default"] = Fixed },
        DefaultCase: "default");

    public static DiscriminatedSchema Kubernetes { get; } = new("scale_settings", "type",
        new Dictionary<string, ObjectSchema> { ["default"] = Fixed, ["target_utilization"] = TargetUtilization },
        DefaultCase: "default");
}
