namespace RepoML.Azure;

/// <summary>An Azure ML workspace's coordinates and the ARM ids of what RepoML reads and creates in it.</summary>
public sealed record AzureMlWorkspace(string SubscriptionId, string ResourceGroup, string Name, string Location)
{
    public const string Provider = "Microsoft.MachineLearningServices";

    public string Id => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/{Provider}/workspaces/{Name}";

    public ResourceIdentifier Endpoint(string endpoint) => new($"{Id}/onlineEndpoints/{endpoint}");

    public ResourceIdentifier Deployment(string endpoint, string deployment) => new($"{Id}/onlineEndpoints/{endpoint}/deployments/{deployment}");

    public ResourceIdentifier ModelVersion(string model, string version) => new($"{Id}/models/{model}/versions/{version}");

    public ResourceIdentifier EnvironmentVersion(string environment, string version) => new($"{Id}/environments/{environment}/versions/{version}");

    public ResourceIdentifier Job(string name) => new($"{Id}/jobs/{name}");

    /// <summary>The ARM id of an asset version: <paramref name="kind"/> is codes, components, data, environments or models.</summary>
    public string AssetVersion(string kind, string name, string version) => $"{Id}/{kind}/{name}/versions/{version}";

    public string Compute(string name) => $"{Id}/computes/{name}";

    public string Datastore(string name) => $"{Id}/datastores/{name}";

    /// <summary>
    /// Reads <c>AZURE_SUBSCRIPTION_ID</c>, <c>AZUREML_RESOURCE_GROUP</c>, <c>AZUREML_WORKSPACE</c>, <c>AZUREML_LOCATION</c>,
    /// each overridable by an option. With <paramref name="placeholders"/> (a dry run), a missing one becomes the spec's
    /// path parameter (<c>{subscriptionId}</c>, …) instead of an error, so requests can be reviewed without an account.
    /// </summary>
    public static AzureMlWorkspace From(
        Func<string, string?> environment, string? subscription, string? resourceGroup, string? workspace, string? location, bool placeholders = false) => new(
        subscription ?? environment("AZURE_SUBSCRIPTION_ID") ?? Missing("{subscriptionId}", "set --subscription or AZURE_SUBSCRIPTION_ID", placeholders),
        resourceGroup ?? environment("AZUREML_RESOURCE_GROUP") ?? Missing("{resourceGroupName}", "set --resource-group or AZUREML_RESOURCE_GROUP", placeholders),
        workspace ?? environment("AZUREML_WORKSPACE") ?? Missing("{workspaceName}", "set --workspace or AZUREML_WORKSPACE", placeholders),
        location ?? environment("AZUREML_LOCATION") ?? "westeurope");

    private static string Missing(string placeholder, string message, bool placeholders) =>
        placeholders ? placeholder : throw new ArgumentException(message);
}
