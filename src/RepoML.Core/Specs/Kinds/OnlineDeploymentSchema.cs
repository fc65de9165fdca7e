namespace RepoML.Core.Specs.Kinds;

/// <summary>Online deployment files: <c>managedOnlineDeployment.schema.json</c> and <c>kubernetesOnlineDeployment.schema.json</c>.</summary>
public static class OnlineDeploymentSchema
{
    private static readonly FieldSchema[] Shared =
    [
        .. DeploymentHeaderSchema.Fields,

        // Optional for MLflow models (no-code deployment) and custom containers.
        new("model", ModelSchema.ReferenceOrInline),
        new("model_mount_path", new StringSchema()),
        new("code_configuration", CodeConfigurationSchema.Schema),
        new("environment", EnvironmentSchema.ReferenceOrInline),
        CommonFields.EnvironmentVariables,
        new("instance_count", new IntegerSchema(1), Default: "1"),
        new("app_insights_enabled", BooleanSchema.Instance, Default: "false"),
        new("request_settings", RequestSettingsSchema.Schema),
        new("liveness_probe", ProbeSettingsSchema.Liveness),
        new("readiness_probe", ProbeSettingsSchema.Readiness),
        new("data_collector", DataCollectorSchema.Schema),
        .. CommonFields.ServiceOutput,
    ];

    public static ObjectSchema Managed { get; } = new("managed online deployment",
    [
        .. Shared,
        new("type", new EnumSchema("managed"), Default: "managed"),
        new("instance_type", new StringSchema(), Required: true),
        new("scale_settings", ScaleSettingsSchema.Managed),
        new("egress_public_network_access", new EnumSchema("enabled", "disabled"), Default: "enabled"),
        new("private_network_connection", BooleanSchema.Instance, Default: "false"),
    ]);

    public static ObjectSchema Kubernetes { get; } = new("Kubernetes online deployment",
    [
        .. Shared,
        new("type", new EnumSchema("kubernetes"), Default: "kubernetes"),

        // An instance type defined on the Kubernetes compute; its default one when absent.
        new("instance_type", new StringSchema()),
        new("scale_settings", ScaleSettingsSchema.Kubernetes),
        new("resources", KubernetesResourcesSchema.Schema),
    ]);
}
