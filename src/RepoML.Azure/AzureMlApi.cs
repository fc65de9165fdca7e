using Azure.Core.Pipeline;

namespace RepoML.Azure;

/// <summary>
/// The ARM client RepoML talks to Azure ML with: generic resources (Azure.ResourceManager.MachineLearning is not used),
/// pinned to one stable api-version per resource type so no provider lookup is needed.
/// </summary>
public static class AzureMlApi
{
    /// <summary>The Azure ML REST api-version RepoML writes (stable; online endpoints, deployments, assets and jobs).</summary>
    public const string Version = "2024-04-01";

    /// <summary>The resource types RepoML creates, each pinned to <see cref="Version"/>.</summary>
    public static IReadOnlyList<string> ResourceTypes { get; } =
    [
        "Microsoft.MachineLearningServices/workspaces/onlineEndpoints",
        "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments",
        "Microsoft.MachineLearningServices/workspaces/models/versions",
        "Microsoft.MachineLearningServices/workspaces/environments/versions",
        "Microsoft.MachineLearningServices/workspaces/jobs",
    ];

    /// <summary>Azure.Identity's default chain: environment, workload identity, managed identity, Azure CLI, …</summary>
    public static TokenCredential DefaultCredential() => new global::Azure.Identity.DefaultAzureCredential();

    /// <summary>A client for <paramref name="credential"/> (production: <c>DefaultAzureCredential</c>).</summary>
    /// <param name="endpoint">The ARM address; null for public Azure (tests pass a local stand-in).</param>
    /// <param name="transport">The HTTP transport; null for the default.</param>
    public static ArmClient CreateClient(TokenCredential credential, string subscriptionId, Uri? endpoint = null,
        HttpPipelineTransport? transport = null)
    {
        var options = new ArmClientOptions();
        foreach (var type in ResourceTypes)
        {
            options.SetApiVersion(new ResourceType(type), Version);
        }

        if (endpoint is not null)
        {
            options.Environment = new ArmEnvironment(endpoint, ArmEnvironment.AzurePublicCloud.Audience);
        }

        if (transport is not null)
        {
            options.Transport = transport;
        }

        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        return new ArmClient(credential, subscriptionId, options);
    }
}
