namespace RepoML.Core.Specs.Kinds;

/// <summary>The identity a job runs as: a managed identity, the user's identity, or an Azure ML token.</summary>
public static class JobIdentitySchema
{
    private static readonly ObjectSchema Managed = new("managed identity",
    [
        new("type", new EnumSchema("managed", "managed_identity")),
        new("client_id", new StringSchema()),
        new("object_id", new StringSchema()),
        new("msi_resource_id", new StringSchema()),
    ]);

    private static readonly ObjectSchema User = new("user identity", [new("type", new EnumSchema("user_identity"))]);

    private static readonly ObjectSchema AmlToken = new("AML token identity", [new("type", new EnumSchema("aml_token"))]);

    public static DiscriminatedSchema Schema { get; } = new("identity", "type",
        new Dictionary<string, ObjectSchema>
        {
            ["managed"] = Managed,
            ["managed_identity"] = Managed,
            ["user_identity"] = User,
            ["aml_token"] = AmlToken,
        },
        DefaultCase: null);
}
