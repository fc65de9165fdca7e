namespace RepoML.Core.Specs.Kinds;

/// <summary>The managed identity of an online or batch endpoint.</summary>
public static class EndpointIdentitySchema
{
    private static readonly ObjectSchema UserAssigned = new("user-assigned identity",
    [
        new("resource_id", new StringSchema()),
        new("client_id", new StringSchema()),
        new("principal_id", new StringSchema()),
    ]);

    public static ObjectSchema Schema { get; } = new("endpoint identity",
    [
        new("type", new EnumSchema("system_assigned", "user_assigned", "system_assigned,user_assigned", "none"), Required: true,
            Default: "system_assigned"),
        new("user_assigned_identities", new ListSchema(UserAssigned)),
        new("principal_id", new StringSchema()),
        new("tenant_id", new StringSchema()),
    ]);
}
