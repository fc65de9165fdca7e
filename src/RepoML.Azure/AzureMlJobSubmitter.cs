using Azure;
using Azure.ResourceManager.Resources;

namespace RepoML.Azure;

/// <summary>Submits a job to an Azure ML workspace through ARM (PUT <c>…/workspaces/W/jobs/NAME</c>) and reports its status.</summary>
public sealed class AzureMlJobSubmitter(ArmClient client, string location)
{
    /// <returns>The job's ARM id and the status the service answered (e.g. NotStarted, Queued).</returns>
    public async Task<(string Id, string? Status)> SubmitAsync(ResourceIdentifier id, JsonObject properties,
        CancellationToken cancellationToken = default)
    {
        var data = new GenericResourceData(new AzureLocation(location)) { Properties = BinaryData.FromString(properties.ToJsonString()) };
        var operation = await client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, id, data,
            cancellationToken).ConfigureAwait(false);
        var status = operation.Value.Data.Properties is { } p ? JsonNode.Parse(p.ToString())?["status"]?.GetValue<string>() : null;
        return (id.ToString(), status);
    }
}
