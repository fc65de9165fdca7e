using Azure;
using Azure.ResourceManager.Resources;
using Azure.ResourceManager.Resources.Models;

namespace RepoML.Azure;

/// <summary>
/// Reconciles an Azure ML managed online endpoint to an <see cref="OnlineDeploymentPlan"/> through ARM generic resources:
/// assets, then the endpoint (created without traffic when missing), then each deployment, then the traffic — Azure refuses
/// traffic that names a deployment that does not exist yet. Every long-running operation is awaited to its end.
/// </summary>
public sealed class AzureMlOnlineDeployer(ArmClient client, string location, Action<string>? log = null)
{
    /// <returns>The ARM ids written, in order.</returns>
    public async Task<IReadOnlyList<string>> DeployAsync(OnlineDeploymentPlan plan, CancellationToken cancellationToken = default)
    {
        var resources = client.GetGenericResources();
        var written = new List<string>();
        foreach (var (id, properties) in plan.Assets)
        {
            await PutAsync(resources, id, Data(properties), written, cancellationToken).ConfigureAwait(false);
        }

        if (!(await resources.ExistsAsync(plan.EndpointId, cancellationToken).ConfigureAwait(false)).Value)
        {
            await PutAsync(resources, plan.EndpointId, Data(plan.EndpointProperties, plan.EndpointTags), written,
                cancellationToken).ConfigureAwait(false);
        }

        foreach (var (id, count, tags, properties) in plan.Deployments)
        {
            var data = Data(properties, tags);
            data.Kind = "Managed";
            data.Sku = new ResourcesSku { Name = "Default", Capacity = count };
            await PutAsync(resources, id, data, written, cancellationToken).ConfigureAwait(false);
        }

        var withTraffic = (JsonObject)plan.EndpointProperties.DeepClone();
        withTraffic["traffic"] = Percentages(plan.Traffic);
        if (plan.MirrorTraffic.Count > 0)
        {
            withTraffic["mirrorTraffic"] = Percentages(plan.MirrorTraffic);
        }

        await PutAsync(resources, plan.EndpointId, Data(withTraffic, plan.EndpointTags), written, cancellationToken).ConfigureAwait(false);
        return written;
    }

    private async Task PutAsync(GenericResourceCollection resources, ResourceIdentifier id, GenericResourceData data, List<string> written,
        CancellationToken cancellationToken)
    {
        log?.Invoke($"PUT {id}");
        var operation = await resources.CreateOrUpdateAsync(WaitUntil.Completed, id, data, cancellationToken).ConfigureAwait(false);
        if (operation.Value.Data.ProvisioningState is { } state && !string.Equals(state, "Succeeded", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{id} ended in provisioning state {state}");
        }

        written.Add(id.ToString());
    }

    private GenericResourceData Data(JsonObject properties, IReadOnlyDictionary<string, string>? tags = null)
    {
        var data = new GenericResourceData(new AzureLocation(location)) { Properties = BinaryData.FromString(properties.ToJsonString()) };
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            data.Tags[key] = value;
        }

        return data;
    }

    private static JsonObject Percentages(IReadOnlyDictionary<string, int> traffic) =>
        new(traffic.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));
}
