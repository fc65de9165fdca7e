using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RepoML.Tests.Shared.AzureMl;

/// <summary>The workspace's answers: resources, lists (newest first when asked), and jobs that progress as they are polled.</summary>
internal sealed partial class ArmStandIn
{
    private static readonly string[] JobProgress = ["NotStarted", "Queued", "Running", "Completed"];

    private (int, JsonNode?) Get(string path, IQueryCollection query)
    {
        if (path.EndsWith("/datastores", StringComparison.Ordinal))
        {
            return (200, new JsonObject { ["value"] = Datastore is null ? new JsonArray() : new JsonArray(DatastoreResource()) });
        }

        if (path.EndsWith("/versions", StringComparison.Ordinal))
        {
            var versions = resources.Where(r => r.Key.StartsWith(path + "/", StringComparison.OrdinalIgnoreCase) && !r.Key[(path.Length + 1)..].Contains('/'))
                .Select(r => r.Value).ToList();
            var ordered = query["$orderBy"].ToString().Contains("createdtime desc", StringComparison.OrdinalIgnoreCase)
                ? versions.OrderByDescending(v => v.Order) : versions.OrderBy(v => v.Order);
            var top = int.TryParse(query["$top"], out var n) ? n : int.MaxValue;
            return (200, new JsonObject { ["value"] = new JsonArray([.. ordered.Take(top).Select(v => v.Resource.DeepClone())]) });
        }

        if (!resources.TryGetValue(path, out var stored))
        {
            return Error(404, "ResourceNotFound", $"{path} was not found");
        }

        if (path.Contains("/jobs/", StringComparison.Ordinal))
        {
            Progress(path, stored.Resource);
        }

        return (200, stored.Resource.DeepClone());
    }

    private (int, JsonNode?) Put(string path, JsonObject body, JsonObject operation, HttpContext http)
    {
        var existed = resources.ContainsKey(path);
        var resource = (JsonObject)body.DeepClone();
        var properties = resource["properties"] as JsonObject ?? [];
        resource["properties"] = properties;
        var longRunning = operation["x-ms-long-running-operation"]?.GetValue<bool>() == true;
        if (path.Contains("/jobs/", StringComparison.Ordinal))
        {
            properties["status"] = "NotStarted";
        }
        else
        {
            properties["provisioningState"] = longRunning ? (existed ? "Updating" : "Creating") : "Succeeded";
        }

        Store(path, resource);
        if (longRunning && options.LocationPolling)
        {
            var id = Interlocked.Increment(ref operationCount);
            operations[id] = (path, 0);
            http.Response.Headers.Location = new Uri(Address,
                $"subscriptions/{options.SubscriptionId}/providers/Microsoft.MachineLearningServices/locations/{options.Location}/mfeOperationResults/{id}?api-version={options.ApiVersion}").ToString();
            http.Response.Headers.RetryAfter = "0";
            return (202, null);
        }

        if (longRunning)
        {
            var id = Interlocked.Increment(ref operationCount);
            operations[id] = (path, 0);
            http.Response.Headers["Azure-AsyncOperation"] = new Uri(Address,
                $"subscriptions/{options.SubscriptionId}/providers/Microsoft.MachineLearningServices/locations/{options.Location}/mfeOperationsStatus/{id}?api-version={options.ApiVersion}").ToString();
            http.Response.Headers.RetryAfter = "0";
        }

        return (existed ? 200 : 201, resource.DeepClone());
    }

    /// <summary>Each poll moves a job one step on; before it reports Completed, the compute runs it (and a failure fails it).</summary>
    private void Progress(string path, JsonObject job)
    {
        var properties = job["properties"]!.AsObject();
        var status = properties["status"]?.GetValue<string>() ?? "NotStarted";
        var next = Array.IndexOf(JobProgress, status) is var i and >= 0 && i < JobProgress.Length - 1 ? JobProgress[i + 1] : status;
        if (next == "Completed")
        {
            foreach (var (name, output) in properties["outputs"] as JsonObject ?? [])
            {
                if (output is JsonObject o && o["uri"] is null)
                {
                    o["uri"] = $"azureml://datastores/{StandInDatastore.Name}/paths/azureml/{job["name"]}/{name}/";
                }
            }

            try
            {
                if (options.Compute is { } compute && Datastore is not null)
                {
                    compute(new StandInJob(job["name"]!.GetValue<string>(), properties, Datastore)).GetAwaiter().GetResult();
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or global::Azure.RequestFailedException or IOException)
            {
                next = "Failed";
                properties["description"] = $"the stand-in compute failed: {ex.Message}";
            }
        }

        properties["status"] = next;
    }

    private JsonObject DatastoreResource() => new()
    {
        ["id"] = $"{options.WorkspaceId}/datastores/{StandInDatastore.Name}",
        ["name"] = StandInDatastore.Name,
        ["properties"] = new JsonObject
        {
            ["datastoreType"] = "AzureBlob",
            ["accountName"] = Datastore!.Container.AccountName,
            ["containerName"] = Datastore.Container.Name,
            ["endpoint"] = "core.windows.net",
            ["protocol"] = "https",
            ["credentials"] = new JsonObject { ["credentialsType"] = "AccountKey" },
            ["isDefault"] = true,
        },
    };
}
