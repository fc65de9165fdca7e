namespace RepoML.Core.Specs.Kinds;

/// <summary>A batch endpoint file (<c>batchEndpoint.schema.json</c>).</summary>
public static class BatchEndpointSchema
{
    private static readonly ObjectSchema Defaults = new("batch endpoint defaults",
    [
        new("deployment_name", NamingRules.Deployment),
    ]);

    public static ObjectSchema Schema { get; } = new("batch endpoint",
    [
        CommonFields.SchemaUrl,
        new("name", NamingRules.Endpoint, Required: true, CliFlag: "--name"),
        CommonFields.Description,
        CommonFields.Tags,
        CommonFields.Properties,

        // Batch endpoints only take Microsoft Entra tokens.
        new("auth_mode", new EnumSchema("aad_token"), Default: "aad_token"),
        new("identity", EndpointIdentitySchema.Schema),
        new("defaults", Defaults),
        new("location", new StringSchema()),
        .. CommonFields.ServiceOutput,
    ]);
}
