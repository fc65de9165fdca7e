using Azure.Core.Pipeline;

namespace RepoML.Azure;

/// <summary>
/// The ARM client RepoML talks to Azure ML with (Azure.ResourceManager.MachineLearning is not used: RepoML sends the
/// REST bodies itself), pinned to one stable api-version of <c>Microsoft.MachineLearningServices</c>.
/// </summary>
public static class AzureMlApi
{
    /// <summary>
    /// The api-version RepoML writes. 2024-10-01 is the first stable version whose online deployments define
    /// <c>dataCollector</c> (2024-04-01 does not, so deployments with <c>data_collector</c> would be refused), and it
    /// defines everything RepoML's job, component, code, model and environment bodies use.
    /// </summary>
    public const string Version = "2024-10-01";

    /// <summary>The scope of an ARM token.</summary>
    public const string Scope = "https://management.azure.com/.default";

    /// <summary>A client for <paramref name="credential"/>.</summary>
    /// <param name="endpoint">The ARM address; null for public Azure (tests pass a local stand-in, sovereign clouds their own).</param>
    /// <param name="transport">The HTTP transport; null for the default.</param>
    public static ArmClient CreateClient(TokenCredential credential, string subscriptionId, Uri? endpoint = null,
        HttpPipelineTransport? transport = null)
    {
        var options = new ArmClientOptions();
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
