namespace RepoML.Core.Specs.Kinds;

/// <summary>Online endpoint files: <c>managedOnlineEndpoint.schema.json</c> and <c>kubernetesOnlineEndpoint.schema.json</c>.</summary>
public static class OnlineEndpointSchema
{
    private static readonly FieldSchema[] Shared =
    [
        CommonFields.SchemaUrl,
        new("name", NamingRules.Endpoint, Required: true, CliFlag: "--name"),
        CommonFields.Description,
        CommonFields.Tags,
        CommonFields.Properties,
        new("auth_mode", new EnumSchema("key", "aml_token", "aad_token"), Default: "key"),
        new("identity", EndpointIdentitySchema.Schema),
        new("traffic", TrafficSchema.Percentages),
        new("mirror_traffic", TrafficSchema.Percentages),
        new("location", new StringSchema()),
        .. CommonFields.ServiceOutput,
    ];

    public static ObjectSchema Managed { get; } = new("managed online endpoint",
    [
        .. Shared,
        new("public_network_access", new EnumSchema("enabled", "disabled"), Default: "enabled"),
    ]);

    public static ObjectSchema Kubernetes { get; } = new("Kubernetes online endpoint",
    [
        .. Shared,
        CommonFields.Compute,
    ]);
}
