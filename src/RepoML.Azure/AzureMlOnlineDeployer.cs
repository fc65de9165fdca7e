using System.Globalization;
using RepoML.Core.Artifacts;

namespace RepoML.Azure;

/// <summary>
/// Reconciles an Azure ML managed online endpoint with an endpoint folder, in the order Azure ML requires: the model
/// files uploaded to the default datastore, then the model versions (proxy resources: no location) and environment
/// versions, the endpoint (created without traffic when missing), each deployment, and the traffic last, since traffic
/// may name only deployments that exist. Every long-running operation is awaited to its end.
/// </summary>
public sealed class AzureMlOnlineDeployer(AzureMlSession session, IArtifactStore store, string workspaceRoot)
{
    /// <returns>The ARM ids written, in order.</returns>
    public async Task<IReadOnlyList<string>> DeployAsync(AzureMlEndpointRequest request, CancellationToken cancellationToken = default)
    {
        var workspace = session.Workspace;
        var assets = new AzureMlAssets(session, workspaceRoot);
        var endpointName = request.Endpoint.GetString("name") ?? throw new AzureMlSpecException(request.Endpoint, "the endpoint file has no name");
        var endpointId = workspace.Endpoint(endpointName).ToString();
        var written = new List<string>();
        var models = new HashSet<string>(StringComparer.Ordinal);
        var deployments = new List<(string Id, JsonObject Body)>();
        foreach (var (deployment, file) in request.Deployments)
        {
            var name = deployment.GetString("name") ?? throw new AzureMlSpecException(deployment, $"a deployment of {endpointName} has no name");
            if (deployment.GetString("$schema")?.Contains("kubernetesOnlineDeployment", StringComparison.OrdinalIgnoreCase) == true)
            {
                throw new AzureMlSpecException(
                    deployment["$schema"], $"deployment {name} is a Kubernetes online deployment; RepoML deploys managed ones (use --target kubernetes)");
            }

            var reference = deployment.GetString("model")
                ?? throw new AzureMlSpecException(deployment, $"deployment {name}: Azure ML deploys of RepoML need a registered model reference");
            var model = request.ResolveModel(reference);
            var modelId = workspace.ModelVersion(model.Name, model.Version.ToString(CultureInfo.InvariantCulture)).ToString();
            if (models.Add(modelId))
            {
                var properties = await ModelAsync(model, cancellationToken).ConfigureAwait(false);
                await PutAsync(modelId, new JsonObject { ["properties"] = properties }, written, cancellationToken).ConfigureAwait(false);
            }

            var environmentId = await EnvironmentAsync(deployment, file, request, assets, written, cancellationToken).ConfigureAwait(false);
            JsonObject? code = null;
            if (deployment.GetMapping("code_configuration") is { } configuration)
            {
                var script = configuration.GetString("scoring_script") ?? throw new AzureMlSpecException(configuration, "code_configuration needs a scoring_script");
                code = new JsonObject { ["scoringScript"] = script };
                if (configuration.GetString("code") is { } folder)
                {
                    code["codeId"] = await assets.CodeIdAsync(configuration["code"]!, folder, file, cancellationToken).ConfigureAwait(false);
                }
            }

            var count = deployment["instance_count"] is YamlScalar c && c.TryGetInteger(out var n) ? n : 1;
            var body = Tracked(deployment.GetMapping("tags"), AzureMlBodies.Deployment(deployment, modelId, environmentId, code));
            body["kind"] = "Managed";
            body["sku"] = new JsonObject { ["name"] = "Default", ["capacity"] = count };
            deployments.Add((workspace.Deployment(endpointName, name).ToString(), body));
        }

        if (await session.Channel.GetAsync(endpointId, cancellationToken).ConfigureAwait(false) is null)
        {
            await PutAsync(endpointId, Endpoint(request.Endpoint, withTraffic: false), written, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (id, body) in deployments)
        {
            await PutAsync(id, body, written, cancellationToken).ConfigureAwait(false);
        }

        await PutAsync(endpointId, Endpoint(request.Endpoint, withTraffic: true), written, cancellationToken).ConfigureAwait(false);
        return written;
    }

    private async Task<JsonObject> ModelAsync(DeploymentModel model, CancellationToken cancellationToken)
    {
        var datastore = await session.DatastoreAsync(cancellationToken).ConfigureAwait(false);
        var path = await datastore.UploadStoredAsync(store, Digest.Parse(model.Digest), model.Name, cancellationToken).ConfigureAwait(false);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["repoml.digest"] = model.Digest,
            ["repoml.version"] = model.Version.ToString(CultureInfo.InvariantCulture),
        };
        return AzureMlBodies.ModelVersion(datastore.AzureMlUri(path), model.Description, model.Tags, properties);
    }

    private async Task<string> EnvironmentAsync(
        YamlMapping deployment, string file, AzureMlEndpointRequest request, AzureMlAssets assets, List<string> written, CancellationToken cancellationToken)
    {
        var node = deployment["environment"] ?? throw new AzureMlSpecException(deployment, "a deployment needs an environment");
        if (request.Image is null || node is not YamlScalar scalar || Core.References.AssetReference.TryParse(scalar.Value) is not { } reference)
        {
            return await assets.EnvironmentIdAsync(node, file, cancellationToken).ConfigureAwait(false);
        }

        // One version per image: the image digest or tag is the version, so redeploying the same image changes nothing.
        var image = request.Image.Replace("{deployment}", deployment.GetString("name") ?? "", StringComparison.Ordinal);
        var id = session.Workspace.EnvironmentVersion(reference.Name, ImageVersion(image)).ToString();
        if (!written.Contains(id))
        {
            var body = new JsonObject { ["properties"] = AzureMlBodies.EnvironmentVersion(image, request.Environments.GetValueOrDefault(reference.Name)) };
            await PutAsync(id, body, written, cancellationToken).ConfigureAwait(false);
        }

        return id;
    }

    private JsonObject Endpoint(YamlMapping endpoint, bool withTraffic)
    {
        var properties = AzureMlBodies.Endpoint(endpoint);
        if (withTraffic)
        {
            properties["traffic"] = Percentages(endpoint.GetMapping("traffic"));
            if (endpoint.GetMapping("mirror_traffic") is { } mirror)
            {
                properties["mirrorTraffic"] = Percentages(mirror);
            }
        }

        var body = Tracked(endpoint.GetMapping("tags"), properties);
        if (endpoint.GetMapping("identity") is { } identity)
        {
            body["identity"] = AzureMlIdentity.Body(identity);
        }

        return body;
    }

    private JsonObject Tracked(YamlMapping? tags, JsonObject properties)
    {
        var body = new JsonObject { ["location"] = session.Workspace.Location };
        if (AzureMlJobFields.Strings(tags) is { } strings)
        {
            body["tags"] = strings;
        }

        body["properties"] = properties;
        return body;
    }

    private async Task PutAsync(string id, JsonObject body, List<string> written, CancellationToken cancellationToken)
    {
        session.Log($"PUT {id}");
        await session.Channel.PutAsync(id, body, cancellationToken).ConfigureAwait(false);
        written.Add(id);
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

    private static JsonObject Percentages(YamlMapping? map) => new(
        (map?.Entries ?? []).OrderBy(e => e.Key.Value, StringComparer.Ordinal).Select(e => KeyValuePair.Create(e.Key.Value, (JsonNode?)Percent(e))));

    private static long Percent(YamlEntry entry) => entry.Value is YamlScalar s && s.TryGetInteger(out var n)
        ? n : throw new AzureMlSpecException(entry.Value, $"traffic of '{entry.Key.Value}' must be a whole percentage");
}
