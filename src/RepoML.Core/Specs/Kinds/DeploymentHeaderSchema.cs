namespace RepoML.Core.Specs.Kinds;

/// <summary>
/// The fields every deployment file opens with, batch and online (managed and Kubernetes) alike: <c>$schema</c>, the
/// deployment's name, the endpoint it belongs to, description, tags and properties.
/// </summary>
public static class DeploymentHeaderSchema
{
    public static IReadOnlyList<FieldSchema> Fields { get; } =
    [
        CommonFields.SchemaUrl,
        new("name", NamingRules.Deployment, Required: true, CliFlag: "--name"),
        new("endpoint_name", NamingRules.Endpoint, Required: true, CliFlag: "--endpoint-name"),
        CommonFields.Description,
        CommonFields.Tags,
        CommonFields.Properties,
    ];
}
