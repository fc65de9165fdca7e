using RepoML.Core.References;

namespace RepoML.Azure;

/// <summary>Builds the <see cref="OnlineDeploymentPlan"/> of an endpoint folder: model and environment versions, endpoint, deployments,
/// traffic.</summary>
/// <param name="ResolveModel">Turns a deployment's <c>model:</c> reference into a registered name and version (the registry's answer).</param>
/// <param name="ModelUriBase">Where the model files are in Azure ML storage, e.g.
/// <c>azureml://datastores/workspaceblobstore/paths/repoml/models</c>.</param>
/// <param name="Image">The packaged serving image; each deployment's environment becomes a version holding it. Null: the environment
/// versions must exist.</param>
/// <param name="Environments">Environment name → its YAML (for <c>inference_config</c>).</param>
public sealed record AzureMlDeploymentPlanner(
    AzureMlWorkspace Workspace,
    Func<string, (string Name, int Version)> ResolveModel,
    string ModelUriBase,
    string? Image,
    IReadOnlyDictionary<string, YamlMapping> Environments)
{
    public OnlineDeploymentPlan Plan(YamlMapping endpoint, IReadOnlyList<YamlMapping> deployments)
    {
        var name = endpoint.GetString("name") ?? throw new ArgumentException("the endpoint file has no name");
        var assets = new List<(ResourceIdentifier, JsonObject)>();
        var planned = new List<(ResourceIdentifier, int, IReadOnlyDictionary<string, string>, JsonObject)>();
        foreach (var deployment in deployments)
        {
            var deploymentName = deployment.GetString("name") ?? throw new ArgumentException($"a deployment of {name} has no name");
            var (model, version) = ResolveModel(deployment.GetString("model")
                ?? throw new ArgumentException($"deployment {deploymentName}: promotion and Azure ML deploys need a registered model reference"));
            var modelId = Workspace.ModelVersion(model, version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!assets.Any(a => a.Item1 == modelId))
            {
                assets.Add((modelId, AzureMlBodies.ModelVersion($"{ModelUriBase.TrimEnd('/')}/{model}/{version}/", null, new Dictionary<string,
                    string> { ["repoml.version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
            }

            var environmentId = Environment(deployment.GetString("environment"), assets);
            var count = deployment["instance_count"] is YamlScalar c && c.TryGetInteger(out var n) ? (int)n : 1;
            planned.Add((Workspace.Deployment(name, deploymentName), count, Tags(deployment), AzureMlBodies.Deployment(deployment,
                modelId.ToString(), environmentId)));
        }

        return new OnlineDeploymentPlan(Workspace.Endpoint(name), Tags(endpoint), AzureMlBodies.Endpoint(endpoint), assets, planned,
            Percent(endpoint.GetMapping("traffic")), Percent(endpoint.GetMapping("mirror_traffic")));
    }

    private string Environment(string? reference, List<(ResourceIdentifier, JsonObject)> assets)
    {
        var parsed = reference is null ? null : AssetReference.TryParse(reference);
        if (parsed is null)
        {
            throw new ArgumentException($"environment '{reference}' is not an azureml: reference; Azure ML deployments of RepoML use a " +
                $"registered environment");
        }

        if (Image is null)
        {
            return Workspace.EnvironmentVersion(parsed.Name, parsed.Version ?? "1").ToString();
        }

        // One version per image: the image digest or tag is the version, so redeploying the same image changes nothing.
        var version = ImageVersion(Image);
        var id = Workspace.EnvironmentVersion(parsed.Name, version);
        if (!assets.Any(a => a.Item1 == id))
        {
            assets.Add((id, AzureMlBodies.EnvironmentVersion(Image, Environments.GetValueOrDefault(parsed.Name))));
        }

        return id.ToString();
    }

    private static string ImageVersion(string image)
    {
        var at = image.IndexOf("@sha256:", StringComparison.Ordinal);
        if (at >= 0)
        {
            return image[(at + 8)..][..12];
        }

        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? image[(colon + 1)..] : "latest";
    }

    private static Dictionary<string, string> Tags(YamlMapping map) =>
        (map.GetMapping("tags")?.Entries ?? []).Where(e => e.Value is YamlScalar).ToDictionary(e => e.Key.Value, e
            => ((YamlScalar)e.Value).Value, StringComparer.Ordinal);

    private static Dictionary<string, int> Percent(YamlMapping? map) =>
        (map?.Entries ?? []).Where(e => e.Value is YamlScalar s && s.TryGetInteger(out _)).ToDictionary(e => e.Key.Value, e
            => int.Parse(((YamlScalar)e.Value).Value, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
