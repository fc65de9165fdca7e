using System.Text.Json.Nodes;

namespace RepoML.Tests.Shared.AzureMl;

/// <summary>
/// What Azure ML checks beyond the schema: that referenced resources exist (computes, environment, code and component
/// versions, model files and data in the datastore), that asset versions are immutable, that a deployment's endpoint
/// exists, and that traffic names existing deployments and adds up to 100.
/// </summary>
internal sealed partial class ArmStandIn
{
    private async Task<(int Status, string Code, string Message)?> CheckAsync(string method, string path, JsonObject body)
    {
        if (method != "PUT")
        {
            return null;
        }

        var properties = body["properties"] as JsonObject ?? [];
        var kind = ResourceType(path);
        if (kind.EndsWith("/versions", StringComparison.Ordinal) && Resource(path) is { } existing
            && !JsonNode.DeepEquals(Immutable(existing["properties"]), Immutable(properties)))
        {
            return (409, "UserError", $"{path} exists with different content; asset versions cannot be changed");
        }

        return kind switch
        {
            "Microsoft.MachineLearningServices/workspaces/models/versions" => await DataAsync(properties["modelUri"]?.GetValue<string>(), "model files"),
            "Microsoft.MachineLearningServices/workspaces/codes/versions" => await DataAsync(properties["codeUri"]?.GetValue<string>(), "code files"),
            "Microsoft.MachineLearningServices/workspaces/components/versions" => ComponentCheck(properties),
            "Microsoft.MachineLearningServices/workspaces/onlineEndpoints" => TrafficCheck(path, properties),
            "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments" => DeploymentCheck(path, properties),
            "Microsoft.MachineLearningServices/workspaces/jobs" => await JobCheckAsync(properties),
            _ => null,
        };
    }

    private static JsonNode? Immutable(JsonNode? properties)
    {
        var copy = properties?.DeepClone() as JsonObject;
        copy?.Remove("provisioningState");
        copy?.Remove("description");
        copy?.Remove("tags");
        return copy;
    }

    /// <summary>A datastore URI (or the blob URL of the datastore's container) must have files behind it.</summary>
    private async Task<(int, string, string)?> DataAsync(string? uri, string what)
    {
        if (uri is null || Datastore?.PathOf(uri) is not { } blobPath)
        {
            return uri is null ? null : (400, "UserError", $"{what} at {uri}: the stand-in knows only its default datastore");
        }

        return await Datastore.ExistsAsync(blobPath) ? null : (400, "UserError", $"{what} not found at {uri}");
    }

    private (int, string, string)? Exists(string? id, string what) =>
        id is null || Resource(id.StartsWith("azureml:", StringComparison.Ordinal) ? id[8..] : id) is not null
            ? null : (400, "UserError", $"{what} {id} does not exist in the workspace");

    private (int, string, string)? ComponentCheck(JsonObject properties)
    {
        var spec = properties["componentSpec"] as JsonObject ?? [];
        return Exists(spec["environment"]?.GetValue<string>() ?? "(none)", "environment") ?? Exists(spec["code"]?.GetValue<string>(), "code");
    }

    private (int, string, string)? DeploymentCheck(string path, JsonObject properties)
    {
        var endpoint = path[..path.IndexOf("/deployments/", StringComparison.Ordinal)];
        return Resource(endpoint) is null ? (404, "ParentResourceNotFound", $"endpoint {endpoint} does not exist")
            : Exists(properties["model"]?.GetValue<string>(), "model") ?? Exists(properties["environmentId"]?.GetValue<string>(), "environment")
            ?? Exists(properties["codeConfiguration"]?["codeId"]?.GetValue<string>(), "code");
    }

    private (int, string, string)? TrafficCheck(string path, JsonObject properties)
    {
        foreach (var key in new[] { "traffic", "mirrorTraffic" })
        {
            var traffic = properties[key] as JsonObject ?? [];
            foreach (var (deployment, _) in traffic)
            {
                if (Resource($"{path}/deployments/{deployment}") is null)
                {
                    return (400, "UserError", $"{key} names deployment '{deployment}', which does not exist");
                }
            }

            var sum = traffic.Sum(t => t.Value!.GetValue<int>());
            if (key == "traffic" && traffic.Count > 0 && sum != 100 && sum != 0)
            {
                return (400, "UserError", $"traffic adds up to {sum}, not 100");
            }
        }

        return null;
    }

    private async Task<(int, string, string)?> JobCheckAsync(JsonObject properties)
    {
        var refused = Exists(properties["computeId"]?.GetValue<string>(), "compute")
            ?? Exists(properties["environmentId"]?.GetValue<string>() ?? properties["trial"]?["environmentId"]?.GetValue<string>(), "environment")
            ?? Exists(properties["codeId"]?.GetValue<string>() ?? properties["trial"]?["codeId"]?.GetValue<string>(), "code")
            ?? Exists(properties["settings"]?["default_compute"]?.GetValue<string>(), "compute");
        if (refused is not null)
        {
            return refused;
        }

        var nodeInputs = (properties["jobs"] as JsonObject ?? []).SelectMany(j => j.Value?["inputs"] as JsonObject ?? []);
        foreach (var (name, input) in (properties["inputs"] as JsonObject ?? []).Concat(nodeInputs))
        {
            if (input?["uri"]?.GetValue<string>() is { } uri && uri.StartsWith("azureml://datastores/", StringComparison.Ordinal)
                && await DataAsync(uri, $"input '{name}'") is { } missing)
            {
                return missing;
            }
        }

        return properties["jobs"] is JsonObject jobs ? PipelineChecks.Check(properties, jobs, id => Resource(id))
            : properties["searchSpace"] is JsonObject space ? PipelineChecks.SweepCheck(properties["trial"]?["command"]?.GetValue<string>() ?? "", space)
            : null;
    }
}
