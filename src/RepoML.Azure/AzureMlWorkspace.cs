namespace RepoML.Azure;

/// <summary>An Azure ML workspace's coordinates and the ARM ids of what RepoML creates in it.</summary>
public sealed record AzureMlWorkspace(string SubscriptionId, string ResourceGroup, string Name, string Location)
{
    public const string Provider = "Microsoft.MachineLearningServices";

    public string Id => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/{Provider}/workspaces/{Name}";

    public ResourceIdentifier Endpoint(string endpoint) => new($"{Id}/onlineEndpoints/{endpoint}");

    public ResourceIdentifier Deployment(string endpoint, string deployment) => new($"{Id}/onlineEndpoints/{endpoint}/deployments/{deployment}");

    public ResourceIdentifier ModelVersion(string model, string version) => new($"{Id}/models/{model}/versions/{version}");

    public ResourceIdentifier EnvironmentVersion(string environment, string version) => new($"{Id}/environments/{environment}/versions/{version}");

    public ResourceIdentifier Job(string name) => new($"{Id}/jobs/{name}");

    /// <summary>Reads <c>AZURE_SUBSCRIPTION_ID</c>, <c>AZUREML_RESOURCE_GROUP</c>, <c>AZUREML_WORKSPACE</c>, <c>AZUREML_LOCATION</c>, each
    /// overridable by an option.</summary>
    public static AzureMlWorkspace From(Func<string, string?> environment, string? subscription, string? resourceGroup, string? workspace,
        string? location) => new(
        subscription ?? environment("AZURE_SUBSCRIPTION_ID") ?? throw new ArgumentException("set --subscription or AZURE_SUBSCRIPTION_ID"),
        resourceGroup ?? environment("AZUREML_RESOURCE_GROUP") ?? throw new ArgumentException("set --resource-group or AZUREML_RESOURCE_GROUP"),
        workspace ?? environment("AZUREML_WORKSPACE") ?? throw new ArgumentException("set --workspace or AZUREML_WORKSPACE"),
        location ?? environment("AZUREML_LOCATION") ?? "westeurope");
}
