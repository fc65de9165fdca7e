namespace RepoML.Core.Packaging;

/// <summary>
/// The endpoint.yml baked into a deployment's image: the endpoint's name and auth mode, with the one packaged
/// deployment taking all traffic (the split between deployments is the endpoint's routing, not the container's).
/// </summary>
public static class ImageEndpointFile
{
    public static string Write(string endpoint, string authMode, string deployment) =>
        new StringBuilder()
            .AppendLine("$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json")
            .AppendLine(CultureInfo.InvariantCulture, $"name: {endpoint}")
            .AppendLine(CultureInfo.InvariantCulture,
                $"description: Packaged by repoml for deployment {deployment}; the endpoint's own file routes traffic between deployments.")
            .AppendLine(CultureInfo.InvariantCulture, $"auth_mode: {authMode}")
            .AppendLine("traffic:")
            .AppendLine(CultureInfo.InvariantCulture, $"  {deployment}: 100")
            .ToString();
}
